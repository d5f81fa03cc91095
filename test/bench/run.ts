/**
 * `npm run bench`: edit-to-diagnostics latency of our language server over LSP, next to
 * vscode-json-languageservice on the same text, for generated meets of about 0.5, 2.5 and 5 MB in
 * every shape (pretty and minified; valid, one defect, syntax error, dense findings); Fix All with
 * hundreds of fixes; the server's memory; our scanner next to jsonc-parser. Reports only: never
 * fails on the figures (exit 1 only on a crash).
 * Each shape is measured three ways: the edit sent as a change (what editors send: the server
 * patches the previous version's parse), the version sent whole (the server finds the change), and
 * versions changed at both ends (every version parsed anew).
 * Options: --iterations N (default 30: both sides see the same edits, with warm code, as over a few seconds of typing), --size "2.5 MB" (one size only), --shape "pretty, syntax error"
 * (one shape only; RESULTS.md is then not written), --profile (the server
 * runs with --cpu-prof; summarise a profile with out/tests/bench/profileSummary.js).
 */
import { SERVER_NODE_FLAGS } from '../../server/src/shared/nodeFlags';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchEdit, chooseEdit } from './benchEdit';
import { ShapeName, shapeText } from './shapes';
import { compareScanners } from './scannerComparison';
import { JsonServiceBaseline } from './jsonServiceBaseline';
import { LanguageServerProcess } from './lspClient';
import { FixAllResult, SizeResult, machineFacts, resultsMarkdown, resultsTable, verdicts } from './report';
import { quantile, summarise } from './stats';
import { measureRender } from './renderBench';

/** Competitor counts that give meets of about 0.5, 2.5 and 5 MiB (seed 1). */
const SIZES = [
  { label: '0.5 MB', competitors: 365 },
  { label: '2.5 MB', competitors: 2150 },
  { label: '5 MB', competitors: 4550 },
];
const SHAPES: ShapeName[] = [
  'pretty', 'minified', 'pretty, one defect', 'minified, one defect', 'pretty, syntax error', 'minified, syntax error', 'pretty, dense findings', 'minified, dense findings',
];
const WHOLE_RUN_LIMIT_MS = 40 * 60_000;
const URI = 'file:///bench/generated.opentrack.json';

interface Options {
  iterations: number;
  sizes: typeof SIZES;
  shapes: ShapeName[];
  profileDir: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const valueOf = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at < 0 ? undefined : argv[at + 1];
  };
  const iterations = Number(valueOf('--iterations') ?? 30);
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error('--iterations needs a whole number ≥ 1');
  const only = valueOf('--size');
  const sizes = SIZES.filter((s) => only === undefined || s.label === only);
  if (sizes.length === 0) throw new Error(`--size is one of ${SIZES.map((s) => `"${s.label}"`).join(', ')}`);
  const shape = valueOf('--shape');
  const shapes = SHAPES.filter((s) => shape === undefined || s === shape);
  if (shapes.length === 0) throw new Error(`--shape is one of ${SHAPES.map((s) => `"${s}"`).join(', ')}`);
  return { iterations, sizes, shapes, profileDir: argv.includes('--profile') ? join(tmpdir(), `opentrack-bench-profiles-${process.pid}`) : undefined };
}

/** The repository root: the nearest folder with package.json and schemas/, up from this script or else the working directory. */
function repositoryRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    }
  }
  throw new Error(`No repository root above ${__dirname} or ${process.cwd()}`);
}

/** Version i of the document: even steps type the edit, odd steps undo it (both versions are valid). */
function version(edit: BenchEdit, originalText: string, i: number): { character: string; text: string } {
  return i % 2 === 0 ? { character: edit.replacement, text: edit.editedText } : { character: edit.original, text: originalText };
}

async function measureServer(serverPath: string, text: string, edit: BenchEdit, options: Options) {
  // The server runs with the flags the VS Code client gives it.
  const nodeOptions = [...SERVER_NODE_FLAGS, ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [])];
  const server = await LanguageServerProcess.start(serverPath, nodeOptions);
  try {
    const idle = server.memory();
    let documentVersion = 1;
    await server.open(URI, documentVersion, text);
    const firstStart = performance.now();
    let diagnostics = (await server.pullDiagnostics(URI)).length;
    const first = performance.now() - firstStart;
    const samples: number[] = [];
    // RSS is a sawtooth (every edit leaves garbage until the next GC): sample it after each validation.
    const resident: number[] = [];
    for (let i = 0; i < options.iterations; i++) {
      const start = performance.now();
      void server.change(URI, ++documentVersion, edit.range, version(edit, text, i).character);
      diagnostics = Math.max(diagnostics, (await server.pullDiagnostics(URI)).length);
      samples.push(performance.now() - start);
      resident.push(server.memory().residentMiB);
    }
    // The same versions sent whole (as by an editor without incremental sync): the server finds
    // the one change between them. Then versions changed at both ends as well (the space after
    // the document): nothing of the previous version can be reused, each is parsed anew.
    const sendWhole = async (versionText: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < options.iterations; i++) {
        const start = performance.now();
        void server.replaceAll(URI, ++documentVersion, versionText(i));
        await server.pullDiagnostics(URI);
        times.push(performance.now() - start);
        resident.push(server.memory().residentMiB);
      }
      return summarise(times);
    };
    const wholeLatency = await sendWhole((i) => version(edit, text, i).text);
    const anewLatency = await sendWhole((i) => `${version(edit, text, i).text}${' '.repeat(1 + (i % 2))}`);
    return { first, latency: summarise(samples), whole: wholeLatency, anew: anewLatency, diagnostics, idleMiB: idle.residentMiB, resident, peakMiB: server.memory().peakMiB };
  } finally {
    await server.stop();
  }
}

async function measureBaseline(text: string, edit: BenchEdit, iterations: number) {
  const baseline = new JsonServiceBaseline();
  let documentVersion = 1;
  let diagnostics = await baseline.validate(URI, documentVersion, text); // warm-up: compiles the schema
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const current = version(edit, text, i).text;
    const start = performance.now();
    diagnostics = Math.max(diagnostics, await baseline.validate(URI, ++documentVersion, current));
    samples.push(performance.now() - start);
  }
  return { latency: summarise(samples), diagnostics };
}

/** Fix All over LSP on a meet full of safe slips: one validation (a pull), then the action, applied, then a pull. */
async function measureFixAll(serverPath: string, label: string, competitors: number): Promise<FixAllResult> {
  const text = shapeText('pretty, Fix All slips', competitors);
  const server = await LanguageServerProcess.start(serverPath, SERVER_NODE_FLAGS);
  try {
    await server.open(URI, 1, text);
    await server.pullDiagnostics(URI); // warm-up: schema compiled
    await server.replaceAll(URI, 2, `${text} `);
    let start = performance.now();
    await server.pullDiagnostics(URI);
    const validation = performance.now() - start;
    start = performance.now();
    const { fixes, edits } = await server.fixAll(URI);
    const fixAll = performance.now() - start;
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'json', 2, `${text} `), edits);
    await server.replaceAll(URI, 3, fixed);
    const left = (await server.pullDiagnostics(URI)).length;
    return { label, bytes: Buffer.byteLength(text), fixes, validation, fixAll, left };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = repositoryRoot();
  const serverPath = join(root, 'dist', 'server.js');
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  console.log(`OpenTrack bench: ${machineFacts()}; ${options.iterations} edits per size and shape; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    for (const shape of options.shapes) {
      const text = shapeText(shape, size.competitors);
      const edit = chooseEdit(text);
      const ours = await measureServer(serverPath, text, edit, options);
      const theirs = await measureBaseline(text, edit, options.iterations);
      const result: SizeResult = {
        label: size.label,
        shape,
        competitors: size.competitors,
        bytes: Buffer.byteLength(text),
        edit: edit.description,
        oursFirst: ours.first,
        ours: ours.latency,
        oursWhole: ours.whole,
        oursAnew: ours.anew,
        theirs: theirs.latency,
        oursDiagnostics: ours.diagnostics,
        theirsDiagnostics: theirs.diagnostics,
        idleMiB: ours.idleMiB,
        residentMiB: quantile(ours.resident, 0.5),
        residentMaxMiB: Math.max(...ours.resident),
        peakMiB: ours.peakMiB,
      };
      results.push(result);
      console.log(`  ${size.label} ${shape}: ours ${ours.latency.median.toFixed(1)} ms (whole text sent: ${ours.whole.median.toFixed(1)} ms, parsed anew: ${ours.anew.median.toFixed(1)} ms), theirs ${theirs.latency.median.toFixed(1)} ms, ratio ${(ours.latency.median / theirs.latency.median).toFixed(2)} (${(ours.whole.median / theirs.latency.median).toFixed(2)}, ${(ours.anew.median / theirs.latency.median).toFixed(2)}), RSS ${result.residentMaxMiB.toFixed(0)} MiB`);
      if (shape === 'pretty') console.log(`  ${size.label} preview: ${measureRender(text)}`);
    }
  }
  const fixAll: FixAllResult[] = [];
  if (options.shapes.length === SHAPES.length) for (const size of options.sizes.filter((s) => s.label !== '5 MB')) fixAll.push(await measureFixAll(serverPath, size.label, size.competitors));
  const scanner = compareScanners(options.sizes[0]!.competitors, `${options.sizes[0]!.label} meet`);
  console.log(`\n${resultsTable(results)}\n\n${verdicts(results, fixAll).join('\n')}\n\n${scanner.join('\n')}\nLoad average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const resultsPath = join(root, 'test', 'bench', 'RESULTS.md');
  if (options.profileDir || options.shapes.length < SHAPES.length) {
    console.log(`\n${resultsPath} not written: ${options.profileDir ? 'profiled' : 'partial'} run.`);
  } else {
    writeFileSync(resultsPath, resultsMarkdown(results, fixAll, scanner, options.iterations, new Date()));
    console.log(`\nWritten to ${resultsPath}`);
  }
  if (options.profileDir) console.log(`CPU profiles of the server: ${readdirSync(options.profileDir).map((f) => join(options.profileDir!, f)).join(', ')}`);
}

const watchdog = setTimeout(() => {
  console.error(`The bench took longer than ${WHOLE_RUN_LIMIT_MS / 60_000} minutes: stopped.`);
  // The default SIGTERM action ends the bench; the servers it started see their stdin close and stop.
  process.kill(process.pid, 'SIGTERM');
}, WHOLE_RUN_LIMIT_MS);
watchdog.unref();
main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
