// Whether a paste ends inside a code block it opened and never closed: a fence (```` ``` ```` or
// `~~~`) or a backtick alone on its line (how some writers open a block in a comment) with no
// closing line of the same kind before the text ends. The copy was cut there — by the writer, the
// page or whoever stored it — so the output the block holds is known only as far as it goes.

import { FENCE_LINE } from './fences.js';

/** Markdown's quote markers before a line (`> `, `>> `), at most a few. */
const QUOTE_MARKS = /^(?:[ \t]{0,3}>[ \t]?){1,8}/;
/** A backtick (or two) alone on its line. */
const LONE_BACKTICK = /^[ \t]{0,3}`{1,2}[ \t]{0,40}$/;

type Marker = '`' | '```' | '~~~';

/** The marker a line opens or closes a block with, or null (a line of backticks that also closes a span on it is none). */
export function blockMarker(line: string): Marker | null {
  const l = line.replace(QUOTE_MARKS, '');
  if (LONE_BACKTICK.test(l)) return '`';
  const m = FENCE_LINE.exec(l);
  if (!m) return null;
  if (m[1][0] === '`') return m[2].includes('`') ? null : '```';
  return '~~~';
}

/**
 * The 0-based index of the line opening the block the text ends inside, or null when every block
 * it opens is closed. A closing line is a marker of the opener's kind; a fence closes only with no
 * info after it, as Markdown's does.
 */
export function blockOpenAtEnd(lines: readonly string[]): number | null {
  let open: { marker: Marker; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const marker = blockMarker(lines[i]);
    if (marker === null) continue;
    if (open === null) open = { marker, line: i };
    else if (marker === open.marker && closes(lines[i])) open = null;
  }
  return open === null ? null : open.line;
}

function closes(line: string): boolean {
  const m = FENCE_LINE.exec(line.replace(QUOTE_MARKS, ''));
  return m === null || m[2].trim() === '';
}

/** The 0-based index of the last line with text, or -1. */
export function lastTextLine(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim() !== '') return i;
  return -1;
}
