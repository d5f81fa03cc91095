import { CancellationToken, ResponseError, LSPErrorCodes } from 'vscode-languageserver';

/**
 * Runs a request handler so that a failure never takes the server down: errors are logged
 * and the client gets an empty result; cancelled requests answer as cancelled.
 */
export function runSafe<T>(log: (message: string) => void, name: string, token: CancellationToken | undefined, fallback: T, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    return work();
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
