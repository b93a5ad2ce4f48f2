// A log viewer's table, as a copy from its page keeps it: the AWS CloudWatch Logs console puts
// each event in a row of columns, and a copy of the rows gives every line its cells between pipes,
//   `  | 2020-05-28T08:12:58.648+10:00 | Error: accept EMFILE`
// (parse-server#6716, next.js#37746). The message is the last cell; the first is the event's
// time. A block whose every line is such a row is read as the log it shows: each line becomes
// `TIME message`, a log line stamped by that time.

/** One row: the leading pipe, the ISO 8601 time with its offset (or `Z`), the pipe before the message. */
const CONSOLE_ROW = /^ {0,8}\| (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) {1,8}\|(?: |$)/;

/** Fewer rows than this are no table (a sentence may hold one pipe-delimited stamp). */
const MIN_ROWS = 2;

/** A console row's time and message (`2020-05-28T08:12:58.648+10:00 Error: accept EMFILE`), or null. */
export function consoleRowLine(text: string): string | null {
  const m = CONSOLE_ROW.exec(text);
  return m ? `${m[1]} ${text.slice(m[0].length)}` : null;
}

/**
 * Rewrites lines [from, to) in place when every non-blank one is a console row, at least
 * MIN_ROWS of them: each becomes its time and message. Any other block is left as it is.
 */
export function unrowConsoleTable(lines: string[], from: number, to: number): void {
  let rows = 0;
  for (let i = from; i < to; i++) {
    if (lines[i].trim() === '') continue;
    if (!CONSOLE_ROW.test(lines[i])) return;
    rows++;
  }
  if (rows < MIN_ROWS) return;
  for (let i = from; i < to; i++) lines[i] = consoleRowLine(lines[i]) ?? lines[i];
}
