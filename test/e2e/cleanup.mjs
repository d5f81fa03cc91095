// One place that knows what is still running, so Ctrl+C (or a kill) stops all of it before exiting.
const stoppers = new Set();

/** Registers an async stop function; returns a function that unregisters it. */
export function stopOnInterrupt(stop) {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Stops what was started, then re-raises the signal: the default action ends the process (status 128 + n). */
async function stopEverythingThenDie(signal) {
  console.error(`\n${signal}: stopping everything that was started…`);
  await Promise.allSettled([...stoppers].map((stop) => stop()));
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

let stopping = false;
/**
 * One Ctrl+C often arrives twice (from the terminal, and forwarded by npm): the signals after the
 * first wait for the stop it started, instead of ending the process half-way (code-server left running).
 */
function onSignal(signal) {
  if (stopping) return;
  stopping = true;
  void stopEverythingThenDie(signal);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
