// Shapes of a program's own output that say it ran out, by which a block of lines is read as that
// program's log though it has no stamp or level on every line: an Erlang report's body, a Rust
// error's cause chain, an exception's head line, perror(3)'s line, a daemon's component tags, a
// first record wrapped over the lines under it, the last line before compose's exit line, the line
// above the shell's report that the program died.
import { EXHAUSTION } from './exhaustion-text.js';
import { withoutServicePrefix } from './log-pids.js';
import { LEVEL, parseStamp } from './log-stamps.js';
import { isStackLine } from './stack-lines.js';

/**
 * Erlang/OTP's error_logger (and lager's copy of it) heads each report with its kind and time,
 * `=ERROR REPORT==== 20-Feb-2012::20:59:26 ===`, and prints the report's terms on the lines under
 * it: mochiweb's `"{error,emfile}"` is such a line, stamped by the header above it.
 */
const BEAM_REPORT = /^[^=]{0,40}=(?:ERROR|WARNING|INFO|CRASH|SUPERVISOR) REPORT={2,8}/;

/** Whether a line that says it ran out sits under a BEAM report header (in that report's body). */
export function beamReportRanOut(lines: readonly string[]): boolean {
  let inReport = false;
  for (const l of lines) {
    if (BEAM_REPORT.test(l)) inReport = true;
    else if (inReport && EXHAUSTION.test(l)) return true;
  }
  return false;
}

/**
 * A Rust CLI's error report (miette's, which watchexec, cargo tools and many others print) heads
 * the error with `×` and its causes with `├─▶` / `╰─▶`: `  × elevated: Native watcher failed to
 * instantiate: Too many open files (os error 24)`. Such a line that says it ran out is the
 * program's own report of it, among whatever else was pasted with it (strace's summary).
 */
const CAUSE_CHAIN = /^\s{0,16}(?:[×✖]|[├╰]─▶) \S/;

/** Whether a line is a step of an error report's cause chain that says it ran out. */
export function causeChainRanOut(line: string): boolean {
  return CAUSE_CHAIN.test(line) && EXHAUSTION.test(line);
}

/**
 * A runtime's exception line, its type first, whose message says it ran out: Python's `IOError:
 * [Errno 24] Too many open files: 'test-1022'` (`OSError: [Errno 24] ...` since 3.3), Java's
 * `java.io.IOException: Too many open files`, .NET's in namespaces that start with a capital
 * (`System.IO.IOException: Too many open files`, Emby's `ImageMagickSharp.WandException: unable to
 * open image … Too many open files @ error/blob.c/OpenBlob/2675` in its tab-indented Mono error
 * report, its frames under it). A program prints it where it stopped, under its own progress output
 * and over its prompt (`Press any key to exit`): the report is the program's.
 */
const EXCEPTION_HEAD = /^\s{0,8}(?:[A-Za-z_$][\w$]{0,60}\.){0,10}(?:[A-Z][\w$]{0,60})?(?:Exception|Error): /;

/** Whether a line is an exception's head line (type, colon, message) that says it ran out. */
export function exceptionRanOut(line: string): boolean {
  return EXCEPTION_HEAD.test(line) && EXHAUSTION.test(line);
}

/**
 * An exception's type and message wrapped by a console of fixed width over the lines under it, the
 * stack under the message: R's error text of a Spark job run from sparklyr (`driver):
 * java.io.FileNotFoundException: /tmp/blockmgr-9ded7dfb-20b8-`, the path going on over two lines,
 * `0ae63fe4553f (Too many open files)`, then `at java.io.FileOutputStream.open0(Native Method)`).
 * The type needs its package (`java.io.`), which prose does not write; the message may go on over
 * at most WRAPPED_MESSAGE_LINES lines, none of them a frame, and the line that says it ran out is
 * the one the stack follows.
 */
const QUALIFIED_EXCEPTION = /(?:^|[\s(])(?:[a-z_$][\w$]{0,60}\.){1,10}[A-Z][\w$]{0,60}(?:Exception|Error): \S/;
const WRAPPED_MESSAGE_LINES = 6;

/** Whether lines hold an exception whose message, wrapped over the lines under it, says it ran out. */
export function wrappedExceptionRanOut(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > 2000 || !QUALIFIED_EXCEPTION.test(lines[i])) continue;
    const end = Math.min(lines.length - 1, i + WRAPPED_MESSAGE_LINES);
    for (let j = i + 1; j <= end && !isStackLine(lines[j]); j++) {
      if (EXHAUSTION.test(lines[j])) return isStackLine(lines[j + 1] ?? '');
    }
  }
  return false;
}

/**
 * ImageMagick's report of an exception, whatever wraps it (`convert: `, a test's `reason:`, RMagick's
 * `Magick::ImageMagickError`): its reason and description, then where MagickCore threw it,
 * `@ error/cache.c/ReadPixelCachePixels/4830` (its severity, source file, function and line —
 * GetMagickModule). Such a line that says it ran out is ImageMagick's own word that the process
 * running it did, among whatever else that process printed (a test suite's progress lines).
 */
const MAGICK_MODULE = / @ (?:error|fatal|warning)\/[\w-]{1,60}\.c\/\w{1,80}\/\d{1,6}\b/;

/** Whether a line is ImageMagick's exception report (`… @ error/cache.c/Func/123`) that says it ran out. */
export function magickExceptionRanOut(line: string): boolean {
  return line.length <= 4000 && MAGICK_MODULE.test(line) && EXHAUSTION.test(line);
}

/** perror(3)'s line: the label it was given (a call's name, `accept4()`), a colon, strerror's text. */
const PERROR_LINE = /^[A-Za-z_][\w.]{0,63}(?:\(\))?: [A-Z][a-z]{1,20}(?: [a-z]{1,20}){0,8}$/;

/** A line in perror(3)'s shape: `accept4(): Too many open files`, `getpeername: Transport endpoint is not connected`. */
export function perrorLine(line: string): boolean {
  return PERROR_LINE.test(line.trim());
}

/**
 * A daemon's own logger naming its component at the head of each line, no time and no level of its
 * own (ClamAV's clamonacc: `ClamFanotif: internal error (failed to read data) ... Too many open
 * files`, `ClamWorker: …`, `ERROR: ClamClient: …`, a level word before the tag). The tag is one
 * capitalised word with lower-case letters (not `ERROR`, `TCP`).
 */
const COMPONENT_TAG = /^(?:[A-Z]{3,8}: )?([A-Z][a-z][A-Za-z0-9_]{0,40}): \S/;

/** Lines (three or more) of which 80 % open with a component's tag, one tag heading two lines at least. */
export function componentTagged(lines: readonly string[]): boolean {
  const tags = new Map<string, number>();
  let tagged = 0;
  for (const l of lines) {
    const m = COMPONENT_TAG.exec(l);
    if (!m) continue;
    tagged++;
    tags.set(m[1], (tags.get(m[1]) ?? 0) + 1);
  }
  return tagged >= 3 && tagged >= lines.length * 0.8 && [...tags.values()].some((n) => n >= 2);
}

/** How many lines under a record's first one are read as its continuation. */
const MAX_RECORD_LINES = 50;

/**
 * The first record says it ran out: its first line is stamped or has a level, and it or a line
 * under it before the next stamped one says "too many open files" — a record wrapped over the lines
 * under it, or a panic whose exception follows on the next line (New Relic's Node agent:
 * `[2013-04-21 15:05:35.022 UTC] CRIT   PANIC: panic due to uncaught exception:` then
 * `EXCEPTION: Error: Error: EMFILE, too many open files`).
 */
export function firstRecordRanOut(lines: readonly string[]): boolean {
  if (lines.length === 0 || (parseStamp(lines[0]) === null && !LEVEL.test(lines[0]))) return false;
  if (EXHAUSTION.test(lines[0])) return true;
  const end = Math.min(lines.length, MAX_RECORD_LINES + 1);
  for (let i = 1; i < end && parseStamp(lines[i]) === null; i++) if (EXHAUSTION.test(lines[i])) return true;
  return false;
}

/**
 * A C program's report of a failed call that prints errno's number beside strerror's text:
 * SSLsplit's `Error 24 on listener: Too many open files` (droe/sslsplit#31), libwebsockets'
 * `accept: errno 24 (too many open files)`, `failed with error code 24, "Too many open files"`.
 * Every Unix numbers EMFILE 24 and ENFILE 23; a writer's prose names the error, not its number.
 */
const ERRNO_BESIDE_TEXT = /\b(?:[Ee]rr(?:or|no)?(?: code)?|[Cc]ode) ?[=:#]? ?2[34]\b/;
const STRERROR_TEXT = /[Tt]oo many open files/;

/** Whether a line prints errno 23 or 24 by its number and strerror's text for it. */
export function errnoRanOut(line: string): boolean {
  return line.length <= 2000 && ERRNO_BESIDE_TEXT.test(line) && STRERROR_TEXT.test(line);
}

/**
 * A tool's diagnostic in the GNU format, `FILE:LINE[:COL[-COL]]: [fatal ]error: MESSAGE`, whose
 * message says it ran out: nft's `/var/cache/nft-blacklist/blacklist.nft:30:1-2: Error: Could not
 * process rule: Too many open files in system` (leshniak/nft-blacklist#2), gcc's and clang's
 * `x.c:1:10: fatal error: y.h: Too many open files`. The tool echoes the input it stopped at on the
 * lines under it (nft's rule, a compiler's source line and caret), so the line is one among others
 * of no log shape. A grep of source code (`x.c:12:    perror("…")`) has no `error:` right after
 * the place.
 */
const GNU_DIAGNOSTIC = /^[^\s:]{1,512}:\d{1,9}(?::\d{1,9}(?:-\d{1,9})?)?: (?:fatal )?[Ee]rror: /;

/** Whether a line is a GNU-format diagnostic whose message says a process or the host ran out of fds. */
export function diagnosticRanOut(line: string): boolean {
  return line.length <= 2000 && GNU_DIAGNOSTIC.test(line) && EXHAUSTION.test(line);
}

/** `intellissh exited with code 1`: docker compose's own line when a service's container stops. */
const COMPOSE_EXITED = /^[\w.-]{1,64} exited with code \d{1,3}$/;

/**
 * The shell's prompt with nothing typed after it, pasted under the program's last line: its sign
 * alone (zsh's `%` — hg-git#176's `% hg pull` … `abort: Too many open files: …` then `%` —, bash's
 * `$`, root's `#`, starship's `❯`). It is the shell's, not the program's output.
 */
const BARE_SIGN = /^[%$#❯]$/;

/** The last line a program printed: above a bare prompt or compose's exit line, without compose's `service | ` prefix. */
export function lastOutputLine(lines: readonly string[]): string | undefined {
  const trailer = (i: number) => i > 0 && (BARE_SIGN.test(lines[i].trim()) || COMPOSE_EXITED.test(lines[i].trim()));
  const end = trailer(lines.length - 1) ? lines.length - 2 : lines.length - 1;
  return end < 0 ? undefined : withoutServicePrefix(lines[end]);
}

/**
 * The shell's report that the program in the foreground died of a signal, printed on the line after
 * the program's last: `Segmentation fault (core dumped)`, `Aborted (core dumped)`, `Bus error`,
 * `Killed`, and the same after bash's `line N: PID ` prefix in a script.
 */
const SHELL_DEATH = /^(?:Segmentation fault|Aborted|Bus error|Illegal instruction|Killed)(?: \(core dumped\))?$/;
/**
 * bash's form in a script, the job's pid and command around it: `./run.sh: line 3: 12345 Segmentation
 * fault      (core dumped) ./wrk …`. bash prints the pid right-aligned in five columns (`%5ld`), so
 * a short one comes after more spaces: a container's `configure_valhalla.sh: line 228:    61 Aborted`.
 */
const SCRIPT_DEATH = /^\S{1,200}: line \d{1,7}: {1,5}(\d{1,10}) (?:Segmentation fault|Aborted|Bus error|Illegal instruction|Killed) /;

/** How many blank lines may sit between a program's last line and the shell's report of its death. */
export const DEATH_GAP = 2;

/**
 * The pid bash's report in a script names (`/usr/bin/cvmfs_server: line 7557: 3396963 Aborted
 * (core dumped) $user_shell …`): the job that died, whose last words are the line above it.
 */
export function scriptDeathPid(line: string): number | undefined {
  const m = SCRIPT_DEATH.exec(line.trim());
  const pid = m ? Number(m[1]) : 0;
  return pid > 0 ? pid : undefined;
}

/**
 * glibc's report of a heap or stack check that failed, which the program prints itself just before
 * it aborts: `free(): invalid pointer`, `double free or corruption (out)`, before 2.26 `*** Error in
 * `./prog': free(): invalid pointer: 0x… ***`.
 */
const GLIBC_ABORT =
  /^(?:\*\*\* Error in `|(?:free|malloc|realloc|munmap_chunk|malloc_consolidate)\(\): |double free or corruption\b|corrupted size vs\. prev_size\b|\*\*\* stack smashing detected \*\*\*)/;
/** The bracketed tag that opens a line (a bold span's `**` aside): Hydra's `[mpiexec@n002.cluster]`. */
const LEAD_TAG = /^(?:\*\*)?(\[[^\]\s]{1,160}\]) /;
/**
 * The function a line names first, as Qt's warnings do (`Q_FUNC_INFO`): `QEventDispatcherUNIXPrivate():`,
 * `QThread::start:` — an identifier, `::` scopes, an optional `()`, then a colon.
 */
const LEAD_FUNCTION = /^(?:\*\*)?([A-Za-z_]\w{0,80}(?:::\w{1,80}){0,4}(?:\(\))?):(?!:) /;
/** How many of the dying program's own lines may sit between its ran-out line and the shell's report. */
export const FOLLOW_UP_LINES = 4;

/**
 * The index of the line that says a program ran out, above the shell's report at `i` that it died:
 * the last line it printed (blanks aside), or one a few lines higher when every line between is the
 * same program's — its own follow-up errors under the same tag (MPICH's Hydra, pmodels/mpich#5903:
 * `[mpiexec@n002…] HYDU_create_process (…): pipe error (Too many open files)`, then `[mpiexec@n002…]
 * HYDT_bscd_common_launch_procs (…): create process returned error`) or glibc's abort report
 * (`free(): invalid pointer`) — then bash's `…/slurm_script: line 296: 3778907 Aborted (core dumped)`.
 */
export function ranOutBeforeDeath(lines: readonly string[], i: number, ranOut: (line: string) => boolean): number | undefined {
  const between: string[] = [];
  let blanks = 0;
  for (let k = i - 1; k >= 0 && i - k <= DEATH_GAP + FOLLOW_UP_LINES + 1; k--) {
    const text = lines[k].trim();
    if (text === '') {
      if (++blanks > DEATH_GAP) return undefined;
      continue;
    }
    if (ranOut(lines[k])) return between.every((b) => followsUp(b, text)) ? k : undefined;
    if (between.length >= FOLLOW_UP_LINES) return undefined;
    between.push(text);
  }
  return undefined;
}

/**
 * Whether a line under a ran-out line is the same program's follow-up: glibc's abort report, or the
 * same tag or function heading both (Qt's `QEventDispatcherUNIXPrivate(): Unable to create thread
 * pipe: Too many open files`, then `QEventDispatcherUNIXPrivate(): Can not continue without a
 * thread pipe` before its abort).
 */
function followsUp(line: string, ranOutLine: string): boolean {
  if (GLIBC_ABORT.test(line.replace(/^\*\*/, ''))) return true;
  const tag = LEAD_TAG.exec(ranOutLine)?.[1];
  if (tag !== undefined) return LEAD_TAG.exec(line)?.[1] === tag;
  const fn = LEAD_FUNCTION.exec(ranOutLine)?.[1];
  return fn !== undefined && LEAD_FUNCTION.exec(line)?.[1] === fn;
}

/**
 * A program that stopped on the error it printed last: a line that says it ran out, then (blanks
 * aside) the shell's report that the program died (wrk under the Phoronix Test Suite: `unable to
 * create thread 170: Too many open files`, then `Segmentation fault (core dumped)`) — the error
 * that stopped it, whatever the wrapper printed after; also a few lines higher, when the lines
 * between are its own follow-up (ranOutBeforeDeath).
 */
export function diedAfterRanOut(lines: readonly string[], ranOut: (line: string) => boolean): boolean {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    if (!SHELL_DEATH.test(text) && !SCRIPT_DEATH.test(text)) continue;
    if (ranOutBeforeDeath(lines, i, ranOut) !== undefined) return true;
  }
  return false;
}
