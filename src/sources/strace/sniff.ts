// What tells a strace capture by its first lines (the source's detector, src/sources/strace.ts),
// and which thread a `-ff` file holds.

/** A syscall line in any shape: optional pid column or [pid N], optional time (`-r` right-aligns it), then name(... */
const SYSCALL_LINE =
  /^ *(?:\[pid +\d+\] *|\d+ +)?(?:\d[\d:.]* +)?(?:[a-z_][a-z0-9_]*\(.*(?:\) += |<unfinished \.\.\.>$)|<\.\.\. [a-z_][a-z0-9_]* resumed>|--- SIG[A-Z0-9]+ |\+\+\+ (?:exited|killed) )/;
const STRACE_NOTE = /^(?:strace: )?(?:Process \d+ (?:attached|detached)|\[ Process PID=\d+ runs in )/;

/**
 * `strace -ff -o NAME` writes one file per thread, `NAME.TID`; `grep PATTERN NAME.*` (or `grep -r`)
 * prints each line it picks after its file's name and a colon: `star.strace.97074:1532348050.204140
 * write(7, …) = 10240`. The name's numeric suffix is the thread, as a `-f` pid column is. Bounded
 * repeats: linear.
 */
const FILE_TAG = /^[\w./-]{0,200}\.(\d{1,10}):(?=[\d[a-z<+-])/;

/** The line without a grep file tag, its thread as a leading pid column (`97074 …`); else as is. */
export function withoutFileTag(line: string): string {
  const c = line.charCodeAt(0);
  // Only a name's first character: a letter, `.`, `/`, `_` (a call line starts with its name and `(`).
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 47 || c === 95)) return line;
  const m = FILE_TAG.exec(line);
  return m ? `${m[1]} ${line.slice(m[0].length)}` : line;
}

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
    const t = withoutFileTag(l);
    if (SYSCALL_LINE.test(t)) calls++;
    else if (STRACE_NOTE.test(t)) notes++;
  }
  return { share: nonEmpty === 0 ? 0 : (calls + notes) / nonEmpty, calls };
}

/** The -ff thread id in a file name (`trace.4783`), or undefined. */
export function fileTidOf(name: string): number | undefined {
  const suffix = /\.(\d+)$/.exec(name);
  return suffix ? Number(suffix[1]) : undefined;
}

const FILE_PRINTERS = new Set(['cat', 'head', 'tail', 'less', 'more']);

/**
 * The -ff thread id of the one file a command at a prompt printed (`cat relay.16157`,
 * `head -n 20 trace.4783`): the file's suffix names its thread as it would in a bundle. No pipe,
 * redirection or glob (`cat relay.*` runs the files together).
 */
export function printedFileTid(command: string | undefined): number | undefined {
  if (command === undefined || command.length > 500 || /[|;&<>*?]/.test(command)) return undefined;
  const words = command
    .trim()
    .replace(/^[$#]\s+/, '')
    .split(/\s+/);
  if (!FILE_PRINTERS.has(words[0] ?? '')) return undefined;
  const files = words.slice(1).filter((w) => !w.startsWith('-') && !/^\+?\d+$/.test(w));
  return files.length === 1 ? fileTidOf(files[0].replace(/^.*\//, '')) : undefined;
}
