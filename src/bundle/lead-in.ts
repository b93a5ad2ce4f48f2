// A sentence that leads into the lines under it, in a paste read paragraph by paragraph.

import { plainWords } from './prose-line.js';

/**
 * Whether a paragraph's first line is a sentence that introduces the output under it rather than
 * a line of that output: three words or more, starting with a letter, ending in a colon or in the
 * semicolon some writers put there (`I'm seeing … "/proc/<pid>/fd" is full of;`). Output lines
 * that end in a colon are not: a folder's heading (`/proc/1234/fd:`, one word), a log record (it
 * starts with its time), an fd row (`… -> target:`), a trace's header (`Traceback (most recent call
 * last):`, `goroutine 1 [running]:`).
 */
export function isLeadIn(line: string): boolean {
  const text = line.trim();
  if (!/^[A-Za-z'"]/.test(text) || !/[:;]$/.test(text) || text.includes(' -> ') || TRACE_HEADER.test(text)) return false;
  return text.split(/\s+/).length >= 3;
}

// Python's chained exceptions are a traceback's own lines between its parts, after a blank line.
const TRACE_HEADER =
  /^(?:Traceback \(most recent call last\)|goroutine \d{1,12} \[|During handling of the above exception|The above exception was the direct cause)/;

/** Plain words of a sentence (prose-line.ts's measure) are this share of a lead-in's words at least. */
const PLAIN_SHARE = 0.8;

/**
 * Whether a line is a lead-in written as a sentence of plain words (`A few seconds later:`,
 * `There is only one process, with:`): the prose of an issue going on under a terminal paste left
 * outside a code block, as a sentence ending in a full stop does (prose-line.ts) — not a program's
 * line that ends in a colon, which holds numbers, paths or names (`Listening on 0.0.0.0:80:`).
 */
export function isProseLeadIn(line: string): boolean {
  if (!isLeadIn(line)) return false;
  const { words, plain } = plainWords(line);
  return plain >= words * PLAIN_SHARE;
}
