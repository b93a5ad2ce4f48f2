// Stack traces pasted as plain text outside any block (Java, .NET, Python): where one ends, so the
// transcript reads its head and frames as output of their own.
/**
 * strerror's words as people retype them when they copy an error by hand into a thread or a blog:
 * the words swapped after the call that failed (homebridge-config-ui-x#321's `Failed to get journal
 * fd: Too many files open`, a Go proxy's `cannot accept new connection : Too Many Files Open`). Only
 * after a colon, as an error's text follows its call, so that prose (`there are too many files open
 * in that folder`) says nothing. The last letter dropped (emacs-plus's `Creating pipe: Too many open
 * file`, promscale#479's `too many open file`) is read by RAN_OUT's `files?`.
 */
export const RETYPED_EMFILE = /: [Tt]oo [Mm]any [Ff]iles [Oo]pen\b/;
/** strerror's words for EMFILE (and the head of ENFILE's `… in system`), the last letter left to each reader. */
export const TOO_MANY_OPEN_FILE = '[Tt]oo [Mm]any [Oo]pen [Ff]ile';
/** musl libc's (Alpine's) strerror for EMFILE. */
export const MUSL_EMFILE = '[Nn]o file descriptors available';
/** The errnos by name, in capitals only (`emfile.py`, a folder `enfile/` are none). */
export const ERRNO_NAMES = '\\bE[MN]FILE\\b';
/**
 * Words that say a process (or the host's file table: `… in system`) ran out of fds, as an error
 * quotes them: libc's words and the errnos' names, which every program's error carries. It is the
 * head of sources/exhaustion-text.ts's EXHAUSTION, built from the same parts; that one adds each
 * program's own wording (HAProxy's, the BEAM's, a kernel's …), which the transcript's splitting
 * needs not: it tells a pasted error from prose, and a match here also spans the `s` and ` in
 * system` that a code span's text is read without.
 */
export const RAN_OUT = new RegExp(`${TOO_MANY_OPEN_FILE}s?(?: in system)?|${RETYPED_EMFILE.source}|${MUSL_EMFILE}|${ERRNO_NAMES}`);

/** An exception's head as a JVM prints it: a qualified class name, then its message (`java.io.IOException: …`). */
const JAVA_EXCEPTION_HEAD = /^(?:[a-z_$][\w$]{0,64}\.){1,12}[A-Z][\w$]{0,128}(?:Exception|Error): /;
/**
 * A Java frame after its `at `: a method (after a class loader's and a module's names) and a location
 * a JVM prints — `File.java:N`, `Native Method`, `Unknown Source`, `Compiled Code` —, so that prose
 * (`at least (…)`) is not one.
 */
const JAVA_FRAME = String.raw`(?:[\w$.@-]{1,200}\/{1,2}){0,2}[\w$.<>]{1,400}\((?:[\w$-]{1,200}\.java:\d{1,9}|Native Method|Unknown Source|Compiled Code)`;
/** A line of a Java trace under its head: an indented frame with a JVM's location, `Caused by: `, `... N more`. */
const JAVA_TRACE_LINE = new RegExp(String.raw`^(?:\s{1,16}at ${JAVA_FRAME}|\s{1,16}at \.\.\.|Caused by: |\s{0,16}\.\.\. \d{1,9} more)`);
/**
 * A Java frame whose indentation a copy lost (a web page's copy of a question, a mail converted to
 * text: `at java.net.PlainSocketImpl.accept(PlainSocketImpl.java:390)`), at the line's start.
 */
const BARE_JAVA_FRAME = new RegExp(String.raw`^at ${JAVA_FRAME}\)$`);

/** Whether a line is a Java frame pasted without its indentation. */
export function isBareJavaFrame(text: string): boolean {
  return BARE_JAVA_FRAME.test(text.trimEnd());
}
/**
 * An exception's head as .NET (or Mono) prints it: a qualified class name whose namespaces are
 * capitalized, an optional native error code, then its message (`System.IO.IOException: …`,
 * `System.Net.Sockets.SocketException (23): …`), also under the runtime's `Unhandled exception. `.
 */
const DOTNET_EXCEPTION_HEAD =
  /^(?:Unhandled [Ee]xception[.:] )?(?:[A-Z][\w`]{0,64}\.){1,12}[A-Z]\w{0,128}(?:Exception|Error)(?: \(0x[0-9A-Fa-f]{1,8}\)| \(-?\d{1,10}\))?: /;
/**
 * A line of a .NET trace under its head: an indented frame `at Type.Method(args)` (Mono's with a
 * space before the parenthesis, either with ` in FILE:line N` or Mono's ` [0x…] in FILE:N` after it),
 * or the runtime's `--- End of stack trace from previous location … ---` / `--- End of inner exception stack trace ---`.
 */
const DOTNET_TRACE_LINE = /^(?:\s{1,16}at [\w.`<>$+,|[\]-]{1,400} ?\([^()\n]{0,600}\)|\s{0,16}--- End of (?:inner exception )?stack trace)/;
/** Longer traces are cut: the head and its first frames say what ran out. */
const MAX_TRACE_LINES = 400;
/** .NET's FileSystemWatcher's words when `inotify_init` fails with EMFILE (the user's instances or the process's fds ran out). */
const INOTIFY_RAN_OUT = /number of inotify instances has been reached/i;

/** Python's traceback opens with this line; its frames follow, the exception's line ends it. */
const PYTHON_TRACE_HEAD = /^\s{0,16}Traceback \(most recent call last\):\s*$/;
/** A line inside a Python traceback: a frame (`  File "…", line N, in f`), its code or caret line, all indented. */
const PYTHON_TRACE_LINE = /^\s{1,16}\S/;
/** The exception's line that ends a Python traceback: its class (qualified or not), a colon, its message. */
const PYTHON_EXCEPTION_LINE = /^[A-Za-z_][\w.]{0,200}: \S/;

/**
 * A Python traceback left outside any block (rockstor#2020's Django trace pasted as the issue's
 * text): `Traceback (most recent call last):`, indented frames, then the exception's line, which
 * must say the process ran out. Its end, past that line; `start` when it is no such trace.
 */
function pythonTraceEnd(lines: readonly string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && end - start < MAX_TRACE_LINES && PYTHON_TRACE_LINE.test(lines[end])) end++;
  const last = lines[end] ?? '';
  return end > start + 1 && PYTHON_EXCEPTION_LINE.test(last) && RAN_OUT.test(last) ? end + 1 : start;
}

/** The frame test of the trace whose head `line` is, null when it heads none. */
function traceLineOf(line: string): ((text: string) => boolean) | null {
  if (JAVA_EXCEPTION_HEAD.test(line)) return isJavaTraceLine;
  if (DOTNET_EXCEPTION_HEAD.test(line)) return (text) => DOTNET_TRACE_LINE.test(text);
  return null;
}

/**
 * The escaped line break (and tab) a JSON log writer leaves in a trace it stored as one string
 * (`…(Too many open files)\n\tat java.io.RandomAccessFile.open(Native Method)\n\t…`): pasted with
 * real line breaks after some of them, each line ends with one and may hold several frames.
 */
const ESCAPED_BREAK = /\\n(?:\\t)?/;
const MAX_ESCAPED_FRAMES = 64;

/**
 * A line of a Java trace under its head (JAVA_TRACE_LINE), also with its indentation lost
 * (`at java.io.RandomAccessFile.open(Native Method)` at the line's start: a copy of a page, a
 * trace a JSON writer escaped) — every frame of it when escaped breaks join several (RxNetty#316).
 */
function isJavaTraceLine(text: string): boolean {
  if (JAVA_TRACE_LINE.test(text)) return true;
  const parts = text.split(ESCAPED_BREAK, MAX_ESCAPED_FRAMES + 1);
  if (parts.length > MAX_ESCAPED_FRAMES) return false;
  if (parts[parts.length - 1].trim() === '') parts.pop();
  return parts.length > 0 && parts.every((part) => isBareJavaFrame(part.trim()));
}

/**
 * Where a stack trace pasted as plain text outside any block ends — Python's (pythonTraceEnd), a JVM's (jeromq#183: the trace
 * left unfenced under a sentence, the code under it fenced — Markdown renders it as a paragraph) or
 * .NET's (aspnet/Mvc#7778: `System.IO.IOException: Too many open files` over
 * `   at Interop.ThrowExceptionForIoErrno(…)`, under a fenced shell block): its head names an
 * exception and says the process ran out, and the line under it is a frame. The head and the trace
 * lines under it are output of their own. `start` when the line opens no such trace.
 */
export function bareTraceEnd(lines: readonly string[], start: number): number {
  const head = lines[start] ?? '';
  if (PYTHON_TRACE_HEAD.test(head)) return pythonTraceEnd(lines, start);
  const frame = traceLineOf(head);
  if (frame === null || !(RAN_OUT.test(head) || INOTIFY_RAN_OUT.test(head)) || !frame(lines[start + 1] ?? '')) return start;
  let end = start + 1;
  while (end < lines.length && end - start < MAX_TRACE_LINES && frame(lines[end])) end++;
  return end;
}
