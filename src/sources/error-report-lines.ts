// A package manager's or build tool's own error report that says it ran out, among whatever else
// it printed (progress bars, other packages' lines):
//   rpm, git, nix, cargo: the level word `error: ` before the message — rpm after its progress
//     label: `   1:breeze-icon-theme-5.91.0-1.fc35  error: failed to open dir usr of /usr/share/…: Too many open files`
//   apt: `E: ` at the start of the line
//   a cause step of an error chain, the cause word where the level word stands: error-chain's
//     `sccache: cause: Too many open files (os error 24)` (under Firefox's mach, its elapsed time
//     first: `2:18.57 sccache: cause: …`), anyhow's and Java's `Caused by: …` (sccache#468)
//   dpkg: the reason indented under its `dpkg: error processing archive … (--unpack):` line:
//     ` unable to create '/lib/x86_64-linux-gnu/libnss_dns-2.28.so.dpkg-new' (…): Too many open files`
//   Rust: a `std::io::Error` printed with `{:?}` (Debug), as a program's own error line holds it:
//     `-- Error TODO: File::create(recv_path): Os { code: 24, kind: Other, message: "Too many open files" }`
//     (CorTeX's dispatcher, dginev/CorTeX#33; `kind: Uncategorized` since Rust 1.55)
//   watchman: its poison report, relayed whole by its clients (Metro's jest-haste-map):
//     `The triggering condition was at timestamp=1687360117: opendir(/Users/…/node_modules/get-value) -> Too many open files in system`
//   PHP: its own error report (`PHP Warning:  …`, the CLI's `Warning: …`, `PHP Fatal error:  …`)
//   any program that names the errno beside its text (`errno=EMFILE(24): Too many open files`)
//   a JSON document's error field, pretty-printed one field a line (goproxy's error reply,
//     phuslu/goproxy#1352: `    "error": "dial tcp4 58.64.149.17:443: socket: too many open files"`;
//     Elasticsearch's `"reason" : "…"`): the program's own report of the call that failed
//   a report that tallies its failures by error code, the errno's name a key before its count: a load
//     tester's (artillery's JSON report `"errors": {"EMFILE": 595},`, its summary's `  EMFILE: 595`)
// Linear: fixed words, bounded names; the head's end is found with endsWith.
import { EXHAUSTION } from './exhaustion-text.js';

/** The level word of an error report: `error: ` or `fatal: ` at the start or after a blank; apt's `E: ` only first. */
const ERROR_WORD = /(?:^|\s)(?:error|fatal): \S|^E: \S/;
/** A cause step of an error chain: `cause: ` or `caused by: ` at the start or after a blank (not `because: `). */
const CAUSE_WORD = /(?:^|\s)(?:[Cc]ause|[Cc]aused by): \S/;
/** watchman's poison report: the call that failed, after the time it failed at. */
const WATCHMAN_POISON = /^The triggering condition was at timestamp=\d{1,15}: \S/;
/** dpkg's (and dpkg-deb's) head of an error whose reason follows on the next, indented line. */
const DPKG_HEAD = /^[\w.+-]{1,64}(?: \(subprocess\))?: error\b/;

/** Rust's `io::Error` Debug print of EMFILE (24) or ENFILE (23): `Os { code: 24, kind: Other, message: "…" }`. */
const RUST_IO_ERROR = /\bOs \{ code: 2[34], kind: [A-Za-z]{1,32}, message: "[^"\n]{1,120}" \}/;

/** A JSON error field on its own line, indented in its object: `"error": "…`, `"reason" : "…`. */
const JSON_ERROR_FIELD = /^\s{1,16}"(?:error|err|reason|message|msg|cause)" ?: ?"/;
/** An error tally's key and count: `"EMFILE": 595`, `EMFILE: 595` (the name alone before a number). */
const ERRNO_TALLY = /(?:^|[\s{,])"?E[MN]FILE"?: {0,8}\d{1,15}(?:\D|$)/;

/** Whether a line is an error report that says it ran out, or dpkg's reason under its head (`previous`). */
export function errorReportRanOut(line: string, previous?: string): boolean {
  if (!EXHAUSTION.test(line)) return false;
  if (ERROR_WORD.test(line) || CAUSE_WORD.test(line) || RUST_IO_ERROR.test(line) || WATCHMAN_POISON.test(line)) return true;
  if (JSON_ERROR_FIELD.test(line)) return true;
  if (phpErrorRanOut(line) || errnoNamedReport(line) || ERRNO_TALLY.test(line)) return true;
  return previous !== undefined && /^\s/.test(line) && DPKG_HEAD.test(previous) && previous.trimEnd().endsWith(':');
}

/** Whether any line of a block is such a report. */
export function someErrorReportRanOut(lines: readonly string[]): boolean {
  return lines.some((l, i) => errorReportRanOut(l, i > 0 ? lines[i - 1] : undefined));
}

/**
 * PHP's own error report, as its error log and the CLI print it: `PHP Warning:  file_put_contents(…):
 * failed to open stream: Too many open files in … on line 322`, `Warning: include(…): Failed to open
 * stream: …` (display_errors), `PHP Fatal error:  Uncaught ErrorException: …`, also after the
 * log's `[07-May-2014 13:04:49 UTC] ` or under a Laravel console badge (`   ERROR  PHP Fatal error:
 * …`, Octane and artisan print a record's level so). A program prints it where it failed.
 */
const PHP_ERROR_HEAD =
  /^\s{0,8}(?:(?:ERROR|WARN|WARNING|INFO) {2})?(?:\[[^\]\n]{1,64}\] )?(?:PHP )?(?:Fatal error|Warning|Notice|Parse error|Recoverable fatal error|Deprecated): {1,2}\S/;

/** Whether a line is PHP's error report that says it ran out. */
export function phpErrorRanOut(line: string): boolean {
  return PHP_ERROR_HEAD.test(line) && EXHAUSTION.test(line);
}

/**
 * A program's report that names the errno beside its text (LTP's `inotify_init failed:
 * errno=EMFILE(24): Too many open files`, pyinotify's `Errno=Too many open files (EMFILE)`): an
 * error report by construction, not prose quoting the message. strace's `= -1 EMFILE (Too many open
 * files)` is strace's own line, read by its parser.
 */
const ERRNO_NAME = /\bE[MN]FILE\b/;
const ERRNO_TEXT = /[Tt]oo many open files|[Ff]ile table overflow/;
const STRACE_RESULT = /= -1 E[MN]FILE \(/;
export function errnoNamedReport(line: string): boolean {
  return ERRNO_NAME.test(line) && ERRNO_TEXT.test(line) && !STRACE_RESULT.test(line);
}
