import type { AuthorizedClient } from './auth';
import type { CreatedCompetition, CreatedResources } from './result';

/** What the API-specific uploaders need; they record every resource in `created` as soon as it exists. */
export interface UploadContext {
  client: AuthorizedClient;
  base: string;
  created: CreatedResources;
  progress: StepProgress;
  warn(message: string): void;
}

export type UploadFlow = (context: UploadContext, document: Record<string, unknown>) => Promise<CreatedCompetition>;

/**
 * Feeds a VS Code-style progress bar (increments adding up to 100): a step's share is added when
 * the next step starts, so the bar only moves for work that is finished.
 */
export class StepProgress {
  private pendingShare = 0;

  constructor(private readonly report: (message: string, increment: number) => void) {}

  step(message: string, share: number): void {
    this.report(message, this.pendingShare);
    this.pendingShare = share;
  }

  finish(message: string): void {
    this.step(message, 0);
  }
}
