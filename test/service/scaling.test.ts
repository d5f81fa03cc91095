/**
 * No operation may cost more than linear time in the size of the text, on any shape a file comes
 * in: each operation is timed on a meet and on one eight times its size, and the time may grow at
 * most GROWTH_LIMIT times (linear: 8; quadratic: 64). Process CPU time, not the wall clock (other
 * processes share the machine), the fastest of several samples, measured again when over the
 * bound: only what is really superlinear fails.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Position } from 'vscode-languageserver-types';
import { CompetitionDocument, validateDocument } from '../../server/src/service';
import { reportSpans } from '../../server/src/service/json/locate';
import { JsonPath } from '../../server/src/service/json/path';
import { hover } from '../../server/src/service/features/hover';
import { completion } from '../../server/src/service/features/completion';
import { documentSymbols } from '../../server/src/service/features/symbols';
import { codeActions } from '../../server/src/service/features/codeActions';
import { ShapeName, shapeText } from '../bench/shapes';
import { documentOf } from '../helpers/service';

const SMALL = 50;
const LARGE = 8 * SMALL;
const GROWTH_LIMIT = 20;
const SAMPLES = 3;
const ATTEMPTS = 4;

type Operation = (text: string, document: CompetitionDocument, probe: Probe) => unknown;

/** What the operations look at, found outside the timing. */
interface Probe {
  /** Near the end of the text, where a scan from the start costs the most. */
  position: Position;
  /** The event code of every entry: locating many paths at once. */
  paths: JsonPath[];
}

function probeOf(document: CompetitionDocument): Probe {
  const paths: JsonPath[] = [];
  const competitors = (document.parsed.value as { competitors?: Array<{ events_entered?: unknown[] }> }).competitors ?? [];
  competitors.forEach((c, i) => c.events_entered?.forEach((_, j) => paths.push(['competitors', i, 'events_entered', j, 'event_code'])));
  // On a key inside the last competitor, so that hover and completion do their work.
  const offset = document.text.lastIndexOf('"event_code"') + 2;
  return { position: document.textDocument.positionAt(offset), paths };
}

const OPERATIONS: Record<string, Operation> = {
  'parse and validation': (text) => validateDocument(documentOf(text)),
  locate: (text, _, probe) => reportSpans(text, probe.paths.map((path) => ({ path }))),
  hover: (_, document, probe) => hover(document, probe.position),
  completion: (_, document, probe) => completion(document, probe.position),
  outline: (_, document) => documentSymbols(document),
  'Fix All': (_, document) => codeActions(document.textDocument, [], ['source.fixAll'], validateDocument(document, { maxProblems: Infinity })),
};

const SHAPES: ShapeName[] = ['minified', 'CRLF', 'CR only', 'minified, syntax error', 'pretty, dense findings', 'minified, Fix All slips', 'empty competitors'];
/** Tens of thousands of empty objects: what they stress is validation and the outline (hover and completion only make garbage there). */
const ONLY: Partial<Record<ShapeName, string[]>> = { 'empty competitors': ['parse and validation', 'outline', 'Fix All'] };

/** Milliseconds of CPU time of the fastest of SAMPLES runs. */
function fastest(operation: Operation, text: string, document: CompetitionDocument, probe: Probe): number {
  let best = Infinity;
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.cpuUsage();
    operation(text, document, probe);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('cost grows linearly with the size of the text', () => {
  for (const shape of SHAPES) {
    test(shape, (t) => {
      const texts = [shapeText(shape, SMALL), shapeText(shape, LARGE)] as const;
      const documents = texts.map((text) => documentOf(text));
      const probes = documents.map(probeOf);
      const growth: string[] = [];
      for (const [name, operation] of Object.entries(OPERATIONS)) {
        if (ONLY[shape] && !ONLY[shape].includes(name)) continue;
        operation(texts[1], documents[1]!, probes[1]!); // warm-up: compiled code and the cached model
        let small = Infinity;
        let large = Infinity;
        let ratio = Infinity;
        for (let attempt = 0; attempt < ATTEMPTS && ratio >= GROWTH_LIMIT; attempt++) {
          small = Math.min(small, fastest(operation, texts[0], documents[0]!, probes[0]!));
          large = Math.min(large, fastest(operation, texts[1], documents[1]!, probes[1]!));
          // Below a millisecond the clock and the collector decide: such an operation scales well enough.
          ratio = large < 1 ? 1 : large / Math.max(small, 0.05);
        }
        growth.push(`${name} ${small.toFixed(1)} → ${large.toFixed(1)} ms (×${ratio.toFixed(1)})`);
        assert.ok(ratio < GROWTH_LIMIT, `${shape}: ${name} grows ×${ratio.toFixed(1)} for ×8 the text (${growth.join('; ')})`);
      }
      t.diagnostic(growth.join('; '));
    });
  }

  test('the shapes hold what they promise', () => {
    const fixAll = documentOf(shapeText('minified, Fix All slips', SMALL));
    const diagnostics = validateDocument(fixAll, { maxProblems: Infinity });
    const slips = diagnostics.filter((d) => d.code === 'OT002').length;
    assert.ok(slips > 50, `trailing commas: ${slips}`);
    const [action] = codeActions(fixAll.textDocument, [], ['source.fixAll'], diagnostics);
    assert.ok(action && (action.diagnostics?.length ?? 0) >= slips, 'Fix All takes every trailing comma');
    assert.equal(shapeText('minified', SMALL).split('\n').length, 1);
    assert.ok(!shapeText('CR only', SMALL).includes('\n'));
  });
});
