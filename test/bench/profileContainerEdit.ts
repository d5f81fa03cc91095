/**
 * Editing a container in one shape, in process, as the LSP server sees it (an EditableDocument,
 * the document cache, validation of each version):
 * `node out/tests/bench/profileContainerEdit.js "pretty, syntax error" [competitors] [edits] [--typed | --comma]`.
 * The edit adds a property to the competitor in the middle of the list (`"zz": 12, ` after its
 * opening brace) and removes it again, alternately; with --typed, the property is typed one
 * character per version (VS Code closes the quote it opens), so most versions are broken JSON
 * for a keystroke; with --comma, the comma after that competitor is deleted and typed again
 * (the whole list is broken, then mended). Prints the median and best time per version and how
 * many versions were patched.
 */
import { performance } from 'node:perf_hooks';
import { DocumentCache, EditableDocument, validateDocument } from '../../server/src/service';
import { locatePaths } from '../../server/src/service/json/locate';
import { parseJson } from '../../server/src/service/json/parse';
import { ShapeName, shapeText } from './shapes';
import { summarise } from './stats';

const [shape = 'pretty, syntax error', competitors = '2150', edits = '40'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const mode = process.argv.includes('--typed') ? 'typing' : process.argv.includes('--comma') ? 'deleting and typing the comma after' : 'adding and removing';
const text = shapeText(shape as ShapeName, Number(competitors));
const middle = Math.floor((parseJson(text).value as { competitors: unknown[] }).competitors.length / 2);
const competitor = locatePaths(text, [['competitors', middle]])[0]!.value;
const open = competitor.offset + 1;
const comma = text.indexOf(',', competitor.offset + competitor.length);
const property = '"zz": 12, ';
/** Each version's change: [offset, removed, inserted]; typing opens a quote with its closing one, then types over it. */
const steps: Record<typeof mode, [number, number, string][]> = {
  typing: [[open, 0, '""'], [open + 1, 0, 'z'], [open + 2, 0, 'z'], [open + 3, 1, '"'], [open + 4, 0, ':'], [open + 5, 0, ' '], [open + 6, 0, '1'], [open + 7, 0, '2'], [open + 8, 0, ','], [open + 9, 0, ' '], [open, property.length, '']],
  'deleting and typing the comma after': [[comma, 1, ''], [comma, 0, ',']],
  'adding and removing': [[open, 0, property], [open, property.length, '']],
};
const document = new EditableDocument('file:///shape.opentrack.json', 'json', 1, text);
const cache = new DocumentCache();
const first = validateDocument(cache.get(document));
const times: number[] = [];
let patched = 0;
for (let version = 2; version < Number(edits) + 2; version++) {
  const [offset, removed, inserted] = steps[mode][(version - 2) % steps[mode].length]!;
  const start = performance.now();
  document.update([{ range: { start: document.positionAt(offset), end: document.positionAt(offset + removed) }, text: inserted }], version);
  const parsed = cache.get(document);
  validateDocument(parsed);
  times.push(performance.now() - start);
  if (parsed.edited) patched++;
}
const { median } = summarise(times);
console.log(
  `${shape}, ${mode} ${mode.startsWith('deleting') ? '' : 'a property in '}competitors[${middle}]: ${(text.length / 1048576).toFixed(2)} MiB, ${first.length} diagnostics; ` +
    `per version median ${median.toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms; ${patched} of ${times.length} versions patched`,
);
