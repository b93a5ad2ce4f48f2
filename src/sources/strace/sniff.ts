// What tells a strace capture by its first lines (the source's detector, src/sources/strace.ts),
// and which thread a `-ff` file holds.

/** A syscall line in any shape: optional pid column or [pid N], optional time (`-r` right-aligns it), then name(... */
const SYSCALL_LINE =
  /^ *(?:\[pid +\d+\] *|\d+ +)?(?:\d[\d:.]* +)?(?:[a-z_][a-z0-9_]*\(.*(?:\) += |<unfinished \.\.\.>$)|<\.\.\. [a-z_][a-z0-9_]* resumed>|--- SIG[A-Z0-9]+ |\+\+\+ (?:exited|killed) )/;
const STRACE_NOTE = /^(?:strace: )?(?:Process \d+ (?:attached|detached)|\[ Process PID=\d+ runs in )/;

/**
 * How much the lines look like strace: the share of non-empty lines that are calls or strace's own
 * notes, and how many are calls.
 */
export function straceLines(lines: string[]): { share: number; calls: number } {
  let nonEmpty = 0;
  let calls = 0;
  let notes = 0;
  for (const l of lines) {
    if (l.trim() === '') continue;
    nonEmpty++;
    if (SYSCALL_LINE.test(l)) calls++;
    else if (STRACE_NOTE.test(l)) notes++;
  }
  return { share: nonEmpty === 0 ? 0 : (calls + notes) / nonEmpty, calls };
}

/** The -ff thread id in a file name (`trace.4783`), or undefined. */
export function fileTidOf(name: string): number | undefined {
  const suffix = /\.(\d+)$/.exec(name);
  return suffix ? Number(suffix[1]) : undefined;
}
