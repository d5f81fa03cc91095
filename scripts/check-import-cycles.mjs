// Fails when TypeScript modules under server/src, client/src or test import each other in a cycle.
// Relative imports only (the code has no path aliases); `import type` is left out: it vanishes at run time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const roots = ['server/src', 'client/src', 'test'];
const importPattern = /(?:^|\n)\s*(?:import|export)\s(?!type\s)(?:[^;]*?from\s+)?'(\.[^']+)'/g;

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'host') return [];
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [resolve(path)] : [];
  });
}

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const graph = new Map();
for (const file of roots.filter((root) => existsSync(root)).flatMap(tsFiles)) {
  const text = readFileSync(file, 'utf8');
  graph.set(file, [...text.matchAll(importPattern)].map((match) => resolveImport(file, match[1])).filter(Boolean));
}

// Depth-first search; a grey node met again closes a cycle.
const state = new Map();
const cycles = [];
function visit(file, stack) {
  state.set(file, 'grey');
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'grey') cycles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next, stack);
  }
  stack.pop();
  state.set(file, 'black');
}
for (const file of graph.keys()) if (!state.has(file)) visit(file, []);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((file) => relative(process.cwd(), file)).join(' → ')}`);
  process.exitCode = 1;
}
