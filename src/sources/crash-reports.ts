// A runtime's report of the error that stopped a program, which says the program ran out when its
// error does: read as the program's log (app-log.ts) among whatever else was pasted with it.
//   Go    the runtime's panic report: the panic's value, then the stack of each goroutine
//           `panic: net.DialUDP: dial udp 127.0.0.1:9999: socket: too many open files`
//           `goroutine 1227 [running]:`            (newer releases print a blank line between them)
//         also `panic: … [recovered]` and a test binary's `panic: … [recovered]\n\tpanic: …`.
//   Node  (≥ 16) its report of an uncaught exception, which it ends with its version: `Node.js v21.0.0`;
//         and util.inspect's print of an error with own properties (console.log, an unhandled
//         rejection), which heads it by Node's version:
//           `[Error: EMFILE: too many open files, open 'dist/x.js'] {`  (≥ 12: no stack frames)
//           `{ Error: listen EMFILE /tmp/server-ck6wudgsnfo.sock`       (4-11: its stack follows)
//           `{ [Error: EMFILE, open '/x/package.json']`                (≤ 0.12)
//   C++   libstdc++'s terminate handler (g++/clang programs on Linux) on an uncaught exception:
//           `terminate called after throwing an instance of 'std::runtime_error'`
//           `  what():  Could not create stderr pipe: Too many open files`
//         then, from the shell, `Aborted (core dumped)`.

/** The first line of Go's panic report: `panic: ` and the panic's value. */
const GO_PANIC = /^panic: \S/;
/** The header of a goroutine's stack in it: `goroutine 1227 [running]:`, `goroutine 1 [chan receive]:`. */
const GOROUTINE = /^goroutine \d{1,12} \[[\w ,.:-]{1,64}\]:$/;
/** How many lines after the panic line its first goroutine header may come (a blank line, a nested panic). */
const PANIC_REACH = 3;

/** Whether Go's panic report says the program ran out: its `panic:` line does, and a goroutine's stack follows. */
export function goPanicRanOut(lines: readonly string[], ranOut: (line: string) => boolean): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (!GO_PANIC.test(lines[i]) || !ranOut(lines[i])) continue;
    const end = Math.min(lines.length, i + 1 + PANIC_REACH);
    for (let j = i + 1; j < end; j++) if (GOROUTINE.test(lines[j].trim())) return true;
  }
  return false;
}

/** The last line of Node's (≥ 16) report of an uncaught exception: `Node.js v21.0.0`. */
const NODE_VERSION_LINE = /^Node\.js v\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether a program's output ends with Node's report of the exception that killed it. */
export function nodeCrashEnd(end: string | undefined): boolean {
  return end !== undefined && NODE_VERSION_LINE.test(end.trim());
}

/** util.inspect's head of an error object: `[`, `{ ` or `{ [`, then the error's type (`Error`, `SystemError`) and its message. */
const NODE_INSPECTED_ERROR = /^\s{0,8}(?:\{ \[|\{ |\[)(?:[A-Z][\w$]{0,60})?Error[:,] \S/;

/** Whether a line heads Node's print of an error object and says it ran out. */
export function nodeInspectedRanOut(line: string, ranOut: (line: string) => boolean): boolean {
  return NODE_INSPECTED_ERROR.test(line) && ranOut(line);
}

/**
 * util.inspect's field of an error object that holds its errno's name, on a line of its own under
 * the object's head (`  code: 'EMFILE',`, Node ≤ 12's `  errno: 'EMFILE',`, the last with its ` }`):
 * a property of the error its head line already reported, not another report.
 */
const NODE_ERRNO_FIELD = /^\s{0,8}(?:code|errno): '(?:EMFILE|ENFILE)',?(?: ?\})?\s{0,4}$/;

/** Whether a line is the errno field of an error object Node printed (its head says the error). */
export function isNodeErrnoField(line: string): boolean {
  return NODE_ERRNO_FIELD.test(line);
}

/** libstdc++'s verbose terminate handler: its first line, then the exception's `what()` on the next. */
const CXX_TERMINATE = /^terminate called after throwing an instance of '[^'\n]{1,256}'$/;
const CXX_WHAT = /^ {0,4}what\(\): {1,4}\S/;

/** Whether a C++ program's terminate report says it ran out: its `what():` line, right under the handler's first line, does. */
export function cxxTerminateRanOut(lines: readonly string[], ranOut: (line: string) => boolean): boolean {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (CXX_TERMINATE.test(lines[i].trim()) && CXX_WHAT.test(lines[i + 1]) && ranOut(lines[i + 1])) return true;
  }
  return false;
}
