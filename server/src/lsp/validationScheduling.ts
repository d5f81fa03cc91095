/** The longest wait after an edit before validating a document whose last validation was slow. */
export const PUSH_DELAY_MS = 200;
/** A validation at most this long runs as soon as the edits queued with it are read. */
export const CHEAP_VALIDATION_MS = 50;
/**
 * Event-loop turns to wait before validating. The connection handles one queued message per
 * turn: the edits that follow one in a burst are seen before any work is done for a version
 * that is already superseded.
 */
export const SETTLE_TURNS = 4;

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * When to validate a document and publish its diagnostics, for a client that does not pull them.
 * A document that validates quickly (most edits: the parse is patched) is validated as soon as
 * the edits queued with the change are read, as a pull would be: a fixed delay would make every
 * keystroke wait for it. One whose last validation was slow (a large file parsed anew) is
 * validated at most once per wait as long as that validation (up to PUSH_DELAY_MS), for the
 * version current then: typing is not held up by validations of superseded versions, and a user
 * who types on still sees diagnostics (a wait that each keystroke restarted would never end).
 * The wait counts from the end of that validation: an edit after a pause at least as long is
 * validated at once (a time typed after a paste that was slow to check does not wait for it).
 */
export class PushScheduler {
  private readonly scheduled = new Map<string, { work: () => Promise<void>; timer?: NodeJS.Timeout }>();
  /** The last validation of each document: how long it took, and when it ended. */
  private readonly last = new Map<string, { cost: number; end: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `work` for `uri` once, after the changes that follow this call; a later call supersedes it. */
  schedule(uri: string, work: () => Promise<void>): void {
    const due = this.scheduled.get(uri);
    if (due?.timer) {
      due.work = work;
      return;
    }
    this.cancel(uri);
    const ticket: { work: () => Promise<void>; timer?: NodeJS.Timeout } = { work };
    this.scheduled.set(uri, ticket);
    const run = async (): Promise<void> => {
      if (this.scheduled.get(uri) !== ticket) return;
      this.scheduled.delete(uri);
      const start = this.now();
      try {
        await ticket.work();
      } finally {
        const end = this.now();
        this.last.set(uri, { cost: end - start, end });
      }
    };
    const last = this.last.get(uri);
    const wait = last && last.cost > CHEAP_VALIDATION_MS ? Math.min(last.cost, PUSH_DELAY_MS) - (this.now() - last.end) : 0;
    if (wait > 0) {
      ticket.timer = setTimeout(() => void run(), wait);
      return;
    }
    void (async () => {
      for (let turn = 0; turn < SETTLE_TURNS && this.scheduled.get(uri) === ticket; turn++) await nextTurn();
      await run();
    })();
  }

  private cancel(uri: string): void {
    clearTimeout(this.scheduled.get(uri)?.timer);
    this.scheduled.delete(uri);
  }

  /** The document is closed: its next opening starts afresh. */
  forget(uri: string): void {
    this.cancel(uri);
    this.last.delete(uri);
  }
}
