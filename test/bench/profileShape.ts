/**
 * One shape validated in process, for `node --cpu-prof`:
 * `node out/tests/bench/profileShape.js "pretty, syntax error" [competitors] [runs]`.
 * Prints the time of each parse + validation (a fresh document each run, as after an edit).
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/service/document';
import { validateDocument } from '../../server/src/service/validate';
import { ShapeName, shapeText } from './shapes';

const [shape = 'pretty, syntax error', competitors = '2150', runs = '5'] = process.argv.slice(2);
const text = shapeText(shape as ShapeName, Number(competitors));
const times: number[] = [];
for (let version = 1; version <= Number(runs); version++) {
  const start = performance.now();
  const document = new DocumentCache().get(TextDocument.create('file:///shape.opentrack.json', 'json', version, text));
  const diagnostics = validateDocument(document);
  times.push(performance.now() - start);
  if (version === 1) console.log(`${shape}: ${(text.length / 1048576).toFixed(2)} MiB, ${diagnostics.length} diagnostics`);
}
console.log(`ms per run: ${times.map((t) => t.toFixed(0)).join(' ')}`);
