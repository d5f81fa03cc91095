/** The benchmark's figures as a markdown table: printed, and written to test/bench/RESULTS.md. */
import { SERVER_NODE_FLAGS } from '../../server/src/shared/nodeFlags';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { MiB, Summary } from './stats';

export interface SizeResult {
  label: string;
  shape: string;
  competitors: number;
  bytes: number;
  edit: string;
  /** First validation of the opened document (the warm-up pull), ms. */
  oursFirst: number;
  ours: Summary;
  /** The same versions sent as whole texts (the server finds the change), ms. */
  oursWhole: Summary;
  /** Versions changed at both ends, sent whole: each parsed and checked anew, ms. */
  oursAnew: Summary;
  theirs: Summary;
  /** Diagnostics seen (should be 0: the generated meets are valid). */
  oursDiagnostics: number;
  theirsDiagnostics: number;
  /** Server RSS before the document is opened, MiB. */
  idleMiB: number;
  /** Server RSS after each validation of an edit: median and maximum, MiB. */
  residentMiB: number;
  residentMaxMiB: number;
  /** Highest RSS of the server over its life (VmHWM), MiB. */
  peakMiB: number;
}

export const RATIO_TARGET = 0.25;
export const MEMORY_TARGET_MIB = 150;

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export function machineFacts(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} CPUs (nproc; ${cpu}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}

export function resultsTable(results: readonly SizeResult[]): string {
  const header = [
    '| Size | Shape | Ours: first validation | Ours: edit → diagnostics median / p90 | vscode-json-languageservice median / p90 | Ratio ours / theirs (median) | Ours, whole text sent: median (ratio) | Ours, parsed anew: median (ratio) | Ours ms per MB | Theirs ms per MB | Server RSS idle → after validation: median (max) | Server peak RSS | Diagnostics ours / theirs |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = results.map((r) => {
    const mb = r.bytes / MiB;
    const ratio = r.ours.median / r.theirs.median;
    return `| ${r.label} (${mb.toFixed(2)} MiB) | ${r.shape} | ${ms(r.oursFirst)} ms | ${ms(r.ours.median)} / ${ms(r.ours.p90)} ms | ${ms(r.theirs.median)} / ${ms(r.theirs.p90)} ms | ${ratio.toFixed(2)} | ${ms(r.oursWhole.median)} ms (${(r.oursWhole.median / r.theirs.median).toFixed(2)}) | ${ms(r.oursAnew.median)} ms (${(r.oursAnew.median / r.theirs.median).toFixed(2)}) | ${ms(r.ours.median / mb)} | ${ms(r.theirs.median / mb)} | ${r.idleMiB.toFixed(0)} → ${r.residentMiB.toFixed(0)} MiB (${r.residentMaxMiB.toFixed(0)}) | ${r.peakMiB.toFixed(0)} MiB | ${r.oursDiagnostics} / ${r.theirsDiagnostics} |`;
  });
  return [...header, ...rows].join('\n');
}

export interface FixAllResult {
  label: string;
  bytes: number;
  /** Fixes in the Fix All action, and the diagnostics before it (all, not only those shown). */
  fixes: number;
  validation: number;
  fixAll: number;
  /** Problems left by the edit (that Fix All has no safe fix for). */
  left: number;
}

export function verdicts(results: readonly SizeResult[], fixAll: readonly FixAllResult[] = []): string[] {
  const lines: string[] = [];
  const overEdit = results.filter((r) => r.ours.median / r.theirs.median > RATIO_TARGET);
  const worst = results.reduce((a, b) => (a.ours.median / a.theirs.median >= b.ours.median / b.theirs.median ? a : b));
  lines.push(
    `Ratio ours / theirs ≤ ${RATIO_TARGET} on every shape and size: ${overEdit.length === 0 ? 'met' : `NOT met on ${overEdit.map((r) => `${r.label} ${r.shape} (${(r.ours.median / r.theirs.median).toFixed(2)})`).join(', ')}`}; worst ${(worst.ours.median / worst.theirs.median).toFixed(2)} (${worst.label}, ${worst.shape}).`,
  );
  const over = (latency: (r: SizeResult) => Summary): string => {
    const shapes = results.filter((r) => latency(r).median / r.theirs.median > RATIO_TARGET);
    return shapes.length === 0 ? 'met' : `over ${RATIO_TARGET} on ${shapes.map((r) => `${r.label} ${r.shape} (${(latency(r).median / r.theirs.median).toFixed(2)})`).join(', ')}`;
  };
  lines.push(`The same, each version sent whole: ${over((r) => r.oursWhole)}.`);
  lines.push(`Versions changed at both ends, each parsed anew (no target: the cost of a full parse and check): ${over((r) => r.oursAnew)}.`);
  const rss = Math.max(...results.filter((r) => r.label === '5 MB').map((r) => r.residentMaxMiB));
  if (Number.isFinite(rss)) lines.push(`Server RSS with a 5 MB meet open, after validation, highest sample over every shape: ${rss.toFixed(0)} MiB (target < ${MEMORY_TARGET_MIB} MiB): ${rss < MEMORY_TARGET_MIB ? 'met' : 'NOT met'}.`);
  const shapes = [...new Set(results.map((r) => r.shape))];
  for (const shape of shapes) {
    const perMb = results.filter((r) => r.shape === shape).map((r) => r.ours.median / (r.bytes / MiB));
    if (perMb.length > 1) lines.push(`Growth, ${shape}: ${perMb.map((v) => v.toFixed(1)).join(' → ')} ms per MB (flat or falling means linear).`);
  }
  for (const f of fixAll) {
    const ratio = f.fixAll / f.validation;
    lines.push(`Fix All, ${f.label}: ${f.fixes} fixes in one action in ${ms(f.fixAll)} ms = ${ratio.toFixed(2)}× one validation (${ms(f.validation)} ms; target ≤ 3): ${ratio <= 3 ? 'met' : 'NOT met'}; ${f.left} problems left after applying it.`);
  }
  return lines;
}

export function resultsMarkdown(results: readonly SizeResult[], fixAll: readonly FixAllResult[], scanner: readonly string[], iterations: number, date: Date): string {
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${date.toISOString()}. Machine: ${machineFacts()}.`,
    '',
    `**Ours**: \`node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js --stdio\` (the flags the VS Code client uses) driven over LSP with pull diagnostics: one incremental \`didChange\` (one digit of a race time in the middle of the document; the document is that of the shape) then \`textDocument/diagnostic\` with the previous report's \`resultId\`, as VS Code sends it (a list that did not change comes back \`unchanged\`); time from sending the change to the diagnostic response, ${iterations} edits after one warm-up pull. The server patches such a version from the previous one's parse (only the edited value is read again). **Ours, whole text sent**: the same versions sent as whole texts (\`didChange\` without a range, as from an editor without incremental sync): the server finds the one change between two versions and patches it likewise. **Ours, parsed anew**: versions that also differ in the space after the document (changes at both ends), sent whole: each is parsed and checked anew, the cost of a full validation. **Theirs**: vscode-json-languageservice in process, \`parseJSONDocument\` + \`doValidation\` of the same versions with our schema. Meets from \`test/bench/generate.ts\` (seed 1). MB = MiB.`,
    '',
    resultsTable(results),
    '',
    ...verdicts(results, fixAll).map((line) => `- ${line}`),
    '',
    'Shapes (test/bench/shapes.ts, shared with the scaling test in `npm test`): *one defect*: the last competitor enters an event under a lowercase code; *syntax error*: a trailing comma after the last property of the document (the whole text goes through the tolerant parser); *dense findings*: every entry of every competitor under a lowercase code; *Fix All slips*: dense findings plus a trailing comma after the last object of every list.',
    '',
    `Edited value per size: ${[...new Map(results.map((r) => [r.label, r.edit])).entries()].map(([label, edit]) => `${label}: ${edit}`).join('; ')}.`,
    '',
    '## The hand-written scanner, next to jsonc-parser',
    '',
    ...scanner,
    '',
  ].join('\n');
}
