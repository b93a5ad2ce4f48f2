// A row of `ls -l /proc/PID/fd` pasted as plain text, outside any code block and under no command
// (an issue written without fences: `I print the process file descriptor like this`, a `#` note,
// then the rows, and only later a command at a prompt). The rows are a listing of their own.
// So are lsof's rows pasted as a paragraph of a Markdown write-up whose other outputs are fenced
// (keepalived#1374: a log fenced, then `Here is the lsof output of keepalived process:`, `After
// stated:` and `keepalive 19382   root    0u   CHR   1,3   0t0   1028 /dev/null` unfenced).

/** `lrwx------ 1 root root 64 Dec 11 10:27 `: a link's mode, its link count, owner, group and size. */
const LINK_HEAD = /^l[-r][-w][-xsStT]\S{0,12}\s+\d{1,6}\s+\S{1,64}\s+\S{1,64}\s+\d{1,12}\s/;
/**
 * An lsof row of one fd: COMMAND (15 characters at most), PID, a TID (and TASKCMD) when lsof prints
 * them, USER, then FD — a number and its mode (`0u`, `1018r`) — and a TYPE word.
 */
const LSOF_FD_ROW =
  /^\S{1,15}[ \t]{1,40}\d{1,9}[ \t]{1,40}(?:\d{1,9}[ \t]{1,40}(?:\S{1,15}[ \t]{1,40})?)?\S{1,32}[ \t]{1,40}\d{1,9}[rwu][ \t]{1,40}[A-Za-z][\w-]{0,15}[ \t]/;
/** Longer lines are no row a shell printed for one fd. */
const MAX_ROW = 5000;
/** A paragraph of rows is read this far at most. */
const MAX_ROWS = 100_000;

/** Whether a line is one `ls -l` row of an fd folder: a link's head, then `FD -> target`. */
export function isBareFdLinkRow(line: string): boolean {
  if (line.length > MAX_ROW || !LINK_HEAD.test(line)) return false;
  const arrow = line.indexOf(' -> ');
  return arrow > 0 && /\s\d{1,10}$/.test(line.slice(Math.max(0, arrow - 12), arrow));
}

/** Whether a line is one lsof row of a numbered fd (`keepalive 19382   root    3u   unix 0x… type=DGRAM`). */
export function isBareLsofFdRow(line: string): boolean {
  return line.length <= MAX_ROW && LSOF_FD_ROW.test(line);
}

/**
 * Where a paragraph of fd rows that starts at line `i` ends: its lines all `ls -l` rows of an fd
 * folder, or all lsof rows (the first a numbered fd's); `i` when line `i` opens none.
 */
export function bareFdRowsEnd(lines: readonly string[], i: number): number {
  const row = isBareFdLinkRow(lines[i]) ? isBareFdLinkRow : isBareLsofFdRow(lines[i]) ? isBareLsofRow : null;
  if (row === null) return i;
  let end = i + 1;
  while (end < lines.length && end - i < MAX_ROWS && row(lines[end])) end++;
  return end;
}

/** An lsof row of any FD: a numbered one, or `cwd`, `rtd`, `txt`, `mem`, `DEL` (a process's first rows). */
function isBareLsofRow(line: string): boolean {
  return isBareLsofFdRow(line) || (line.length <= MAX_ROW && LSOF_OTHER_ROW.test(line));
}

const LSOF_OTHER_ROW =
  /^\S{1,15}[ \t]{1,40}\d{1,9}[ \t]{1,40}(?:\d{1,9}[ \t]{1,40}(?:\S{1,15}[ \t]{1,40})?)?\S{1,32}[ \t]{1,40}(?:cwd|rtd|txt|mem|DEL|mmap)[ \t]/;
