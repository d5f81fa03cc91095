/**
 * Why the language service keeps its own scanner rather than jsonc-parser: the same texts parsed
 * and located by both, in process, fastest of a few runs; and what each makes of the slips hand-edited
 * files contain (Python literals, single quotes).
 */
import { performance } from 'node:perf_hooks';
import { ParseError, findNodeAtLocation, parse, parseTree } from 'jsonc-parser';
import { parseJson } from '../../server/src/service/json/parse';
import { locatePaths } from '../../server/src/service/json/locate';
import { JsonPath } from '../../server/src/service/json/path';
import { shapeText } from './shapes';

const RUNS = 3;

function fastest(work: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function entryPaths(text: string): JsonPath[] {
  const value = parseJson(text).value as { competitors: Array<{ events_entered?: unknown[] }> };
  return value.competitors.flatMap((c, i) => (c.events_entered ?? []).map((_, j): JsonPath => ['competitors', i, 'events_entered', j, 'event_code']));
}

/** Markdown lines for RESULTS.md. */
export function compareScanners(competitors: number, label: string): string[] {
  const rows: string[] = ['| Text (' + label + ') | Ours | jsonc-parser | Ours / jsonc-parser |', '|---|---:|---:|---:|'];
  const row = (what: string, ours: number, theirs: number): void => {
    rows.push(`| ${what} | ${ours.toFixed(1)} ms | ${theirs.toFixed(1)} ms | ${(ours / theirs).toFixed(2)} |`);
  };
  const jsonc = (text: string) => () => parse(text, [] as ParseError[], { allowTrailingComma: false, disallowComments: true });
  for (const shape of ['pretty', 'minified', 'pretty, syntax error', 'minified, syntax error'] as const) {
    const text = shapeText(shape, competitors);
    row(`parse, ${shape}`, fastest(() => parseJson(text)), fastest(jsonc(text)));
  }
  for (const shape of ['pretty', 'minified'] as const) {
    const text = shapeText(shape, competitors);
    const paths = entryPaths(text);
    row(`locate ${paths.length} paths, ${shape}`, fastest(() => locatePaths(text, paths)), fastest(() => {
      const tree = parseTree(text);
      for (const path of paths) if (tree) findNodeAtLocation(tree, [...path]);
    }));
  }
  const slips = '{"full_name": \'Meet\', "indoor": True, "rounds": None}';
  const errors: ParseError[] = [];
  const theirs = parse(slips, errors) as unknown;
  const ours = parseJson(slips);
  return [
    ...rows,
    '',
    `Tolerance, on \`${slips}\`: ours recovers ${JSON.stringify(ours.value)} with ${ours.problems.length} problems, each with its fix (${ours.problems.map((p) => p.code).join(', ')}); jsonc-parser recovers ${JSON.stringify(theirs)} with ${errors.length} errors and no repair: the values after the slips are lost, so nothing after them could be checked or completed.`,
  ];
}
