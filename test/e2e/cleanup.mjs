// One place that knows what is still running, so Ctrl+C (or a kill) stops all of it before exiting.
const stoppers = new Set();

/** Registers an async stop function; returns a function that unregisters it. */
export function stopOnInterrupt(stop) {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

async function stopEverythingAndExit(signal) {
  console.error(`\n${signal}: stopping everything that was started…`);
  await Promise.allSettled([...stoppers].map((stop) => stop()));
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

process.once('SIGINT', () => stopEverythingAndExit('SIGINT'));
process.once('SIGTERM', () => stopEverythingAndExit('SIGTERM'));
