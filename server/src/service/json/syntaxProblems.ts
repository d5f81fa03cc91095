import * as l10n from '@vscode/l10n';

/** A syntax problem found while parsing, with its offsets and what a fix needs. */
export interface SyntaxProblem {
  code: SyntaxCode;
  message: string;
  offset: number;
  length: number;
  /** Text that repairs the span, when the repair is determined. */
  replacement?: string;
}

export type SyntaxCode =
  | 'OT001' // invalid JSON
  | 'OT002' // trailing comma
  | 'OT003' // comment
  | 'OT004' // Python literal
  | 'OT005' // single-quoted string
  | 'OT006' // byte order mark
  | 'OT007' // nesting too deep
  | 'OT008' // the same key twice in one object
  | 'OT903'; // more problems than are kept

/** At most this much of the input is quoted in a message: a 50 MB word must not become a 50 MB message. */
const EXCERPT_LENGTH = 60;

export function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

/**
 * Syntax problems kept per document. Every one is an object with a message and a fix, and Fix All
 * turns each into a diagnostic and an edit: a file of millions of slips (a Python dump: every
 * string single-quoted) must not cost millions of each. Past this many, problems are only counted.
 */
export const MAX_SYNTAX_PROBLEMS = 100_000;

/** The problems of one parse, kept up to MAX_SYNTAX_PROBLEMS; the others counted. */
export class SyntaxProblems {
  private readonly kept: SyntaxProblem[] = [];
  private omitted = 0;
  private firstOmitted: { offset: number; length: number } | undefined;

  constructor(private readonly limit = MAX_SYNTAX_PROBLEMS) {}

  /** No further problem is kept. */
  get full(): boolean {
    return this.kept.length >= this.limit;
  }

  /** Keeps a problem, or only counts it when the list is full. */
  add(problem: SyntaxProblem): void {
    if (!this.full) this.kept.push(problem);
    else if (this.omitted++ === 0) this.firstOmitted = { offset: problem.offset, length: problem.length };
  }

  /**
   * The problems kept, in the order found; when some were dropped, led by a note on the first of
   * them that says how many (first, so that it is among the problems shown however few are).
   */
  list(): SyntaxProblem[] {
    if (this.firstOmitted === undefined) return this.kept;
    const note: SyntaxProblem = {
      code: 'OT903',
      message: l10n.t(
        '{0} more syntax problems from here on are not listed: only the first {1} are kept. Fix these first (Fix All takes the safe ones); the others then appear.',
        this.omitted.toLocaleString('en-US'),
        this.limit.toLocaleString('en-US'),
      ),
      offset: this.firstOmitted.offset,
      length: this.firstOmitted.length,
    };
    return [note, ...this.kept];
  }
}
