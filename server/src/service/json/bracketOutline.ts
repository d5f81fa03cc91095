/**
 * What the brackets of a text say before JSON.parse is asked, found with native `indexOf` jumps
 * from bracket to bracket (a fraction of a strict parse). Strings are not tracked, so a bracket
 * inside a string counts too: every figure is a hint that JSON.parse or the tolerant parser
 * confirms, never a verdict on the value.
 */
export interface BracketOutline {
  /** The deepest nesting counted, at most `limit + 1` (the scan stops there). */
  depth: number;
  /** Some bracket follows a comma (`,]` or `, }`): JSON.parse would fail on the text. */
  trailingComma: boolean;
  /** Every closing bracket matched an earlier opening one, and none is left open. */
  balanced: boolean;
  /** Offsets of the opening brackets of the containers one and two levels inside the root, in text order. */
  starts: number[];
  /** Where each of those ends (past its closing bracket); negated when a trailing comma lies inside; 0 when not closed. */
  ends: number[];
}

/** Containers recorded at most: a million tiny lists must not cost a million entries. */
const MAX_RECORDED = 1 << 16;
/** Recorded levels: the root's members and theirs (the root itself is level 1). */
const RECORDED_LEVELS = 3;
const NONE = 0x7fffffff;

function nextOf(text: string, bracket: string, from: number): number {
  const at = text.indexOf(bracket, from);
  return at < 0 ? NONE : at;
}

export function outlineBrackets(text: string, limit: number): BracketOutline {
  const starts: number[] = [];
  const ends: number[] = [];
  /** Index into starts of the container open at each recorded level, or -1. */
  const open = [-1, -1, -1, -1];
  let squareOpen = nextOf(text, '[', 0);
  let curlyOpen = nextOf(text, '{', 0);
  let squareClose = nextOf(text, ']', 0);
  let curlyClose = nextOf(text, '}', 0);
  let depth = 0;
  let deepest = 0;
  let balanced = true;
  let lastTrailingComma = -1;
  for (;;) {
    const opening = squareOpen < curlyOpen ? squareOpen : curlyOpen;
    const closing = squareClose < curlyClose ? squareClose : curlyClose;
    if (opening < closing) {
      if (++depth > deepest && (deepest = depth) > limit) break;
      if (depth >= 2 && depth <= RECORDED_LEVELS) {
        open[depth] = starts.length < MAX_RECORDED ? starts.push(opening) - 1 : -1;
        if (open[depth]! >= 0) ends.push(0);
      }
      if (squareOpen < curlyOpen) squareOpen = nextOf(text, '[', opening + 1);
      else curlyOpen = nextOf(text, '{', opening + 1);
    } else if (closing !== NONE) {
      let before = closing - 1;
      let ch = text.charCodeAt(before);
      while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = text.charCodeAt(--before);
      if (ch === 44) lastTrailingComma = before;
      if (depth <= 0) balanced = false;
      else if (depth >= 2 && depth <= RECORDED_LEVELS && open[depth]! >= 0) {
        const index = open[depth]!;
        ends[index] = lastTrailingComma > starts[index]! ? -(closing + 1) : closing + 1;
      }
      depth--;
      if (squareClose < curlyClose) squareClose = nextOf(text, ']', closing + 1);
      else curlyClose = nextOf(text, '}', closing + 1);
    } else break;
  }
  return { depth: deepest, trailingComma: lastTrailingComma >= 0, balanced: balanced && depth === 0, starts, ends };
}
