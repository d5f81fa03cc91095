// One build script: product bundles into dist/, test bundles into out/ (with --tests).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  // jsonc-parser's UMD build requires its modules at run time, out of esbuild's sight: bundle its ESM build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/** Every file under dir whose name ends with suffix. */
function findFiles(dir, suffix) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'host') continue;
    if (statSync(path).isDirectory()) found.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts' }, outdir: 'dist' },
];

if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  // Unit/LSP tests run under node --test from out/tests (not a folder named "test": node --test
  // would run every .js file in it). The extension-host suite goes to out/vscode (vscode external).
  builds.push({
    ...common,
    sourcemap: true,
    entryPoints: [
      ...findFiles('test', '.test.ts').filter((f) => !f.startsWith(join('test', 'vscode'))),
      // Runnable helpers: the local OpenTrack stand-in and the benchmark.
      ...['test/opentrack-server/main.ts', 'test/bench/run.ts', 'test/bench/generate.ts', 'test/bench/profileSummary.ts', 'test/bench/profileShape.ts', 'test/bench/profileTyping.ts', 'test/bench/profileContainerEdit.ts'].filter((f) => existsSync(f)),
    ],
    outdir: 'out/tests',
    outbase: 'test',
    external: ['vscode-json-languageservice', 'jsonc-parser', 'fast-check', 'typescript'],
  });
  builds.push({
    ...common,
    sourcemap: true,
    entryPoints: [...findFiles(join('test', 'vscode'), '.ts')],
    outdir: 'out/vscode',
    outbase: join('test', 'vscode'),
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
