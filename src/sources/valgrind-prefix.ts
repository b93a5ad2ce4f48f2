// The prefix valgrind puts on each line it prints, `==PID==`: which process a line is about. Its own
// module so that log readers (log-pids.ts) need not depend on valgrind's fd report reader.

/**
 * `==PID== rest`, or with --time-stamp=yes `==DD:HH:MM:SS.mmm PID== rest`; either behind the time a
 * CI log stamps on every line it stores (GitHub Actions: `2022-02-20T17:01:04.8233835Z ==16447== …`).
 */
export const VALGRIND_PREFIX = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z )?==(?:[\d:.]{1,20} )?(\d{1,10})==(.*)$/;

/**
 * The pid of the process a valgrind line is about: its `==PID==` prefix (valgrind's own lines, its
 * warnings among them — `==22391== Warning: invalid file descriptor 1031 in syscall openat()`), or
 * undefined for any other line. Pid 0 is no process.
 */
export function valgrindLinePid(line: string): number | undefined {
  const m = VALGRIND_PREFIX.exec(line);
  const pid = m ? Number(m[1]) : 0;
  return pid > 0 ? pid : undefined;
}
