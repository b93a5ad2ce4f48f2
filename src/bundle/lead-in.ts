// A sentence that leads into the lines under it, in a paste read paragraph by paragraph.

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

const TRACE_HEADER = /^(?:Traceback \(most recent call last\)|goroutine \d{1,12} \[)/;
