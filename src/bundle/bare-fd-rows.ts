// A row of `ls -l /proc/PID/fd` pasted as plain text, outside any code block and under no command
// (an issue written without fences: `I print the process file descriptor like this`, a `#` note,
// then the rows, and only later a command at a prompt). The rows are a listing of their own.

/** `lrwx------ 1 root root 64 Dec 11 10:27 `: a link's mode, its link count, owner, group and size. */
const LINK_HEAD = /^l[-r][-w][-xsStT]\S{0,12}\s+\d{1,6}\s+\S{1,64}\s+\S{1,64}\s+\d{1,12}\s/;
/** Longer lines are no row a shell printed for one fd. */
const MAX_ROW = 5000;

/** Whether a line is one `ls -l` row of an fd folder: a link's head, then `FD -> target`. */
export function isBareFdLinkRow(line: string): boolean {
  if (line.length > MAX_ROW || !LINK_HEAD.test(line)) return false;
  const arrow = line.indexOf(' -> ');
  return arrow > 0 && /\s\d{1,10}$/.test(line.slice(Math.max(0, arrow - 12), arrow));
}
