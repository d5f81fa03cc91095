/** The benchmark's figures as a markdown table: printed, and written to test/bench/RESULTS.md. */
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/nodeFlags';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { MiB, Summary } from './stats';

export interface SizeResult {
  label: string;
  competitors: number;
  bytes: number;
  edit: string;
  /** First validation of the opened document (the warm-up pull), ms. */
  oursFirst: number;
  ours: Summary;
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
    '| Size | Competitors | Ours: first validation | Ours: edit → diagnostics median / p90 | vscode-json-languageservice median / p90 | Ratio ours / theirs (median) | Ours ms per MB | Theirs ms per MB | Server RSS idle → after validation: median (max) | Server peak RSS | Diagnostics ours / theirs |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = results.map((r) => {
    const mb = r.bytes / MiB;
    const ratio = r.ours.median / r.theirs.median;
    return `| ${r.label} (${mb.toFixed(2)} MiB) | ${r.competitors} | ${ms(r.oursFirst)} ms | ${ms(r.ours.median)} / ${ms(r.ours.p90)} ms | ${ms(r.theirs.median)} / ${ms(r.theirs.p90)} ms | ${ratio.toFixed(2)} | ${ms(r.ours.median / mb)} | ${ms(r.theirs.median / mb)} | ${r.idleMiB.toFixed(0)} → ${r.residentMiB.toFixed(0)} MiB (${r.residentMaxMiB.toFixed(0)}) | ${r.peakMiB.toFixed(0)} MiB | ${r.oursDiagnostics} / ${r.theirsDiagnostics} |`;
  });
  return [...header, ...rows].join('\n');
}

function memoryVerdict(r: SizeResult): string {
  if (r.residentMiB >= MEMORY_TARGET_MIB) return 'NOT met';
  return r.residentMaxMiB >= MEMORY_TARGET_MIB ? 'met by the median, not by every sample' : 'met';
}

export function verdicts(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  const middle = results.find((r) => r.label === '2.5 MB');
  if (middle) {
    const ratio = middle.ours.median / middle.theirs.median;
    lines.push(`Ratio on the 2.5 MB meet: ${ratio.toFixed(2)} (target ≤ ${RATIO_TARGET}): ${ratio <= RATIO_TARGET ? 'met' : 'NOT met'}.`);
  }
  const largest = results[results.length - 1];
  if (largest) {
    lines.push(`Server RSS with the ${largest.label} meet open, after validation: median ${largest.residentMiB.toFixed(0)} MiB, max ${largest.residentMaxMiB.toFixed(0)} MiB (target < ${MEMORY_TARGET_MIB} MiB): ${memoryVerdict(largest)}.`);
  }
  const perMb = results.map((r) => r.ours.median / (r.bytes / MiB));
  if (perMb.length > 1) lines.push(`Growth: ${perMb.map((v) => v.toFixed(1)).join(' → ')} ms per MB (flat means linear).`);
  const dirty = results.filter((r) => r.oursDiagnostics > 0 || r.theirsDiagnostics > 0);
  if (dirty.length) lines.push(`WARNING: the generated meets should have no diagnostics, but ${dirty.map((r) => r.label).join(', ')} had some.`);
  return lines;
}

export function resultsMarkdown(results: readonly SizeResult[], iterations: number, date: Date): string {
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${date.toISOString()}. Machine: ${machineFacts()}.`,
    '',
    `**Ours**: \`node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js --stdio\` (the flags the VS Code client uses) driven over LSP with pull diagnostics: one incremental \`didChange\` (one digit of a race time in the middle of the document) then \`textDocument/diagnostic\`; time from sending the change to the diagnostic response, ${iterations} edits after one warm-up pull. **Theirs**: vscode-json-languageservice in process, \`parseJSONDocument\` + \`doValidation\` of the same versions with our schema. Meets from \`test/bench/generate.ts\` (seed 1). MB = MiB.`,
    '',
    resultsTable(results),
    '',
    ...verdicts(results).map((line) => `- ${line}`),
    '',
    `Edited value per size: ${results.map((r) => `${r.label}: ${r.edit}`).join('; ')}.`,
    '',
  ].join('\n');
}
