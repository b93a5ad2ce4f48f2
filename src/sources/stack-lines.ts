// The lines of an exception or stack trace, as programs print them under the error that stopped
// them: they make a pasted block a log (app-log.ts), and the log keeps them beside its records.
// One pattern per runtime; every pattern anchored, its repeats bounded (linear on any line).

// Java (`\tat a.B.c(`, since Java 9 with its module and class loader, `at java.base/sun.nio.ch.Net.accept(`,
// `at app//a.B.c(`, `at deployment.demo.war//a.B.c(`; `Caused by: `, `... 3 more`, `java.io.IOException:`), Ruby
// (`lib/puma/server.rb:288:in `run'`, and as an uncaught exception prints its frames, `  from
// socket.rb:231:in `getaddrinfo'`, `\tfrom redis-client (0.11.2) lib/redis_client.rb:660:in `new'`) and Python (`Traceback (most recent call last):`,
// `  File "x.py", line 3`, `OSError: [Errno 24] ...`) stack lines, and OCaml's backtrace (`Raised at
// file "src/core_unix.ml", line 50`, `Called from file ...`, also quoted inside an Async error's sexp),
// and Tcl's errorInfo (AOLserver/NaviServer, expect): `    while executing`, `    invoked from within`,
// `    (procedure "wd_errors" line 17)`, `    ("eval" body line 1)`, `    (file "x.tcl" line 3)`.
// Julia prints a stack trace under `Stacktrace:`, a frame a line ` [1] f(x) at /p/F.jl:399`.
// C++ glog prints a failed CHECK's or a fatal signal's frames under its `***` header (GLOG_FATAL),
// Crystal its backtrace's frames under an uncaught exception (CRYSTAL_FRAME).
// RSpec's failure report prints the failing line under `Failure/Error: `, the exception's class on a
// line of its own and its message under it, then the frames it kept, each behind `# ` (RSPEC).
// .NET (Mono and .NET Core) prints its exception's type in namespaces that start with a capital and
// its frames with a blank before the arguments and Mono's IL offset after them (DOTNET).
import { isBareJavaFrame } from '../bundle/bare-traces.js';

const EXCEPTION =
  /^(?:Stacktrace:$|\s{0,8}\[\d{1,6}\] [^\n]{1,2048}\.jl:\d{1,9}$|\s+at (?:[\w$.@-]{1,200}\/{1,2}){0,2}[\w$.<>]+\(|\s{1,16}from [^\n:]{1,512}:\d{1,9}:in [`']|Caused by: |\s*\.\.\. \d+ more$|(?:[a-z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error)(?::|$)|[^\s:]+:\d+:in [`']|\s*File "[^"]*", line \d+|Traceback \(most recent call last\):|\s{0,40}\(?"?(?:(?:Re-)?[Rr]aised (?:by primitive operation )?at|Called from) \S|\s{0,40}(?:while executing|invoked from within)$|\s{0,40}\((?:procedure|file|"[^"]{1,64}" body) ?(?:"[^"]{1,256}")? line \d{1,9}\)$)/;

/**
 * A JavaScript (V8: Node.js, Deno, Chrome) stack frame, as `err.stack` prints it under the error:
 * `    at errnoException (dns.js:33:15)`, `    at GetAddrInfoReqWrap.onlookup [as oncomplete]
 * (dns.js:76:26)`, `    at new Foo (/app/x.js:1:2)`, `    at async Promise.all (index 0)`, or a
 * bare location `    at /app/index.js:10:5`, `    at node:internal/main:1:2`.
 */
const V8_AT = /^\s{1,16}at (\S[^\n]{0,1100})$/;
/** A call: its name has no blank, then `[as alias]`, then the location in parentheses. */
const V8_CALL = /^(?:async |new )?[^\s()]{1,512}(?: \[as [^\]\s]{1,128}\])? \([^()\n]{1,1024}\)$/;
const LINE_COLUMN = /:\d{1,9}:\d{1,9}$/;

export function isV8Frame(text: string): boolean {
  const m = V8_AT.exec(text);
  if (!m) return false;
  const frame = m[1];
  return V8_CALL.test(frame) || (!/[\s()]/.test(frame) && LINE_COLUMN.test(frame));
}

/**
 * C++ glog's fatal report (also absl's failure signal handler, which prints the same): the header
 * of a failed CHECK or LOG(FATAL), `*** Check failure stack trace: ***`, or of a fatal signal,
 * `*** Aborted at 1621963152 (unix time) try "date -d @1621963152" …`, `*** SIGSEGV (@0x0) received
 * by PID 30268 (TID 0x7f79c0265840) from PID 0; stack trace: ***`, `PC: @ 0x0 (unknown)`, then a
 * frame a line: `    @     0x7f4e8d5a3b4d  google::LogMessage::Fail()`, `    @ 0x4e7f2d (unknown)`.
 * Ray's raylet, Mesos, Kudu, Caffe and every other glog program print it where they abort.
 */
const GLOG_FATAL =
  /^(?:\*\*\* Check failure stack trace: \*\*\*|\*\*\* Aborted at \d{1,20} \(unix time\)|\*\*\* SIG[A-Z]{2,8} \(@0x[\da-f]{1,16}\) received by PID \d{1,10}|PC: @ {1,24}0x[\da-f]{1,16} |\s{1,16}@ {1,24}0x[\da-f]{1,16} {1,16}\S)/;

/**
 * Crystal's backtrace under an uncaught exception (`accept: Too many open files (Errno)`): a frame a
 * line, `  from /crystal/src/socket.cr:246:11 in 'accept_impl'` (file, line and column, then the
 * method; the last frames `from ???`), or, in a build without debug information (macOS's, Amber#108),
 * `0x10dfbb065: *Amber::Server#start:Nil at ??` (or a file and its line and column after `at`); Crystal before 0.24 on Linux printed
 * `[0x45d4e6] *CallStack::unwind:Array(Pointer(Void)) +70`.
 */
const CRYSTAL_FRAME =
  /^\s{0,16}(?:from {1,4}(?:\?\?\?|\S{1,512}:\d{1,9}:\d{1,9} in '[^\n]{1,512})$|0x[\da-f]{1,16}: \S[^\n]{0,1024} at (?:\?\?|\S{1,512}(?: \d{1,9}:\d{1,9})?)$|\[0x[\da-f]{1,16}\] \S[^\n]{0,1024} \+\d{1,9}(?: \(\d{1,9} times\))?$)/;

/**
 * RSpec's failure report (`rspec`'s default formatter), indented under the example's number:
 * `     Failure/Error: socket = ::Socket.new(*args)`, then `     # ./lib/async/io/socket.rb:88:in
 * `initialize'` — a Ruby frame behind the `# ` RSpec puts before each (socketry/async-io#4).
 */
const RSPEC = /^\s{0,16}(?:Failure\/Error: |# [^\s:]{1,512}:\d{1,9}:in [`'])/;

/**
 * .NET's exception report (Mono's and .NET Core's `Exception.ToString()`): the type in namespaces
 * that start with a capital, `System.IO.IOException: Too many open files`, also behind `Unhandled
 * Exception:` or an inner exception's `---> `; its frames, `  at System.IO.FileStream..ctor
 * (System.String path, …) [0x0019e] in <d2ec5c92492f4d6ba8c422bdf574b786>:0` (Mono: a blank before
 * the arguments, the IL offset and the module after them; `in <filename unknown>:0` before Mono 4),
 * `   at Ns.C.M(String path) in /src/C.cs:line 42` (.NET Core with its PDB); and the line between an
 * inner exception's frames and the outer ones, `--- End of inner exception stack trace ---`.
 * Duplicati's RecoveryTool under Mono (duplicati/duplicati#4044).
 */
const DOTNET =
  /^(?:\s{0,8}(?:Unhandled [Ee]xception[.:] {1,4}|---> )?(?:[A-Z][\w`]{0,100}\.){1,12}[A-Z][\w`]{0,100}Exception(?::|$)|\s{1,16}at [^\s()]{1,512} ?\([^()\n]{0,2048}\)(?: \[0x[\da-f]{1,16}\] in \S[^\n]{0,1024}| in \S[^\n]{0,1024}:line \d{1,9})$|\s{0,16}--- End of (?:inner exception stack trace|stack trace from previous location[^\n]{0,64}) ---$)/;

/** Whether a line is a stack or exception line of a known runtime. */
export function isStackLine(text: string): boolean {
  return (
    EXCEPTION.test(text) ||
    isV8Frame(text) ||
    isBareJavaFrame(text) ||
    GLOG_FATAL.test(text) ||
    CRYSTAL_FRAME.test(text) ||
    RSPEC.test(text) ||
    DOTNET.test(text)
  );
}
