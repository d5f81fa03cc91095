/**
 * Where a V8 CPU profile spends its time:
 * `node out/tests/bench/profileSummary.js CPU.….cpuprofile [top] [only-matching-regex]`.
 * Prints the functions with the most self time and with the most inclusive time (the function and
 * everything it calls), in ms and as a share of the busy (non-idle) time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const NOT_BUSY = new Set(['(idle)', '(program)', '(root)']);

const sourceMaps = new Map<string, SourceMap | undefined>();

/** The bundle's source map (esbuild writes `<bundle>.map`), to name the original file and line. */
function sourceMapOf(url: string): SourceMap | undefined {
  if (!sourceMaps.has(url)) {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    sourceMaps.set(url, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined);
  }
  return sourceMaps.get(url);
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) return `${name} ${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${(entry.originalLine ?? 0) + 1}`;
  return `${name} ${basename(url)}:${lineNumber + 1}`;
}

export function summariseProfile(profile: CpuProfile, top: number, only?: RegExp): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    if (NOT_BUSY.has(node.callFrame.functionName)) return;
    busy += ms;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const table = (title: string, times: Map<string, number>): string[] => [
    `${title} (busy time ${busy.toFixed(0)} ms):`,
    ...[...times]
      .filter(([name]) => !NOT_BUSY.has(name.split(' ')[0]!) && (!only || only.test(name)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`),
  ];
  return [...table('Self time', self), '', ...table('Inclusive time', inclusive)].join('\n');
}

if (require.main === module && /profileSummary\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  const [file, top, only] = process.argv.slice(2);
  if (!file) {
    console.error('Usage: node out/tests/bench/profileSummary.js <file.cpuprofile> [top]');
    process.exitCode = 2;
  } else {
    console.log(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 30), only === undefined ? undefined : new RegExp(only)));
  }
}
