/**
 * Typing in one shape, in process, as the LSP server sees it (an EditableDocument, the document
 * cache, validation of each version), for `node --cpu-prof`:
 * `node out/tests/bench/profileTyping.js "pretty, dense findings" [competitors] [edits] [--outline]`.
 * The edit is the benchmark's (one digit of a race time, changed and restored); with --outline,
 * each version's outline is built too (VS Code asks for it after each change for the
 * breadcrumbs). Prints the median and best time per keystroke.
 */
import { performance } from 'node:perf_hooks';
import { DocumentCache, EditableDocument, documentSymbols, validateDocument } from '../../server/src/service';
import { chooseEdit } from './benchEdit';
import { ShapeName, shapeText } from './shapes';
import { summarise } from './stats';

const [shape = 'pretty', competitors = '2150', edits = '40'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const outline = process.argv.includes('--outline');
const text = shapeText(shape as ShapeName, Number(competitors));
const edit = chooseEdit(text);
const document = new EditableDocument('file:///shape.opentrack.json', 'json', 1, text);
const cache = new DocumentCache();
const first = validateDocument(cache.get(document));
const times: number[] = [];
for (let version = 2; version < Number(edits) + 2; version++) {
  const start = performance.now();
  document.update([{ range: edit.range, text: version % 2 === 0 ? edit.replacement : edit.original }], version);
  validateDocument(cache.get(document));
  if (outline) documentSymbols(cache.get(document));
  times.push(performance.now() - start);
}
const { median } = summarise(times);
console.log(`${shape}${outline ? ' with the outline' : ''}: ${(text.length / 1048576).toFixed(2)} MiB, ${first.length} diagnostics; per keystroke median ${median.toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms`);
