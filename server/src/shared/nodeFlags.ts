/**
 * Node flags the language server runs with. A small young generation keeps the server's memory
 * close to what it holds (a 5 MB meet: about 100 MiB instead of 140–210) at no measurable cost in
 * latency (see test/bench/RESULTS.md). The VS Code client starts the server with them; other editors
 * can pass them too: `node --max-semi-space-size=2 dist/server.js --stdio`.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
