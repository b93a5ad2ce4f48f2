// Which program and pid wrote a log line: one place for every writer format fdleak reads — syslog
// and journal prefixes (`host nginx[1234]: `, also without time or host), nginx's and NGINX Unit's
// `pid#tid`, a program's own `nginx: [emerg]`, a unit message under its manager's tag, a container
// engine's relayed line (which names neither), a `[PID] ` that opens a line; the pid a log with no
// syslog prefix prints is record-pids.ts's.
import { inlineCode } from '../bundle/code-spans.js';
import { chromiumLogSource } from './chromium-log.js';
import { dbusWarnPid } from './dbus-warn.js';
import { debuglogPid } from './node-debuglog.js';
import { isLevelWord } from './log-stamps.js';
import { logcatPid } from './logcat-log.js';
import { ossecLogSource } from './ossec-log.js';
import { valgrindLinePid } from './valgrind-prefix.js';
import { redisLogSource } from './redis-log.js';
import { tarantoolLogPid } from './tarantool-log.js';
import { rubyLogPid } from './ruby-log.js';
import { yajswRelay } from './yajsw-log.js';
import { zlToolkitLogSource } from './zltoolkit-log.js';
import { zoneMinderLogSource } from './zoneminder-log.js';
import {
  afterStampedPid,
  bracketFieldPid,
  goLogPid,
  jsonRecordPid,
  nestPid,
  frameworkStderrSource,
  nslogSource,
  odooPid,
  passengerPid,
  springBootPid,
  stampedPid,
  stampedTagSource,
} from './record-pids.js';

/** A line that starts with its level and a colon, no time (`WARNING:   Unable to open logfile …`, Python's `ERROR:root:…`). */
const LEVEL_FIRST = /^(?:EMERG|ALERT|CRIT(?:ICAL)?|FATAL|ERROR|WARN(?:ING)?|NOTICE|INFO|DEBUG|TRACE):(?=[\s\w])/;
/**
 * Or its level padded to a column and a dash (`Error   - Could not create AF_NETLINK socket (Too
 * many open files)`: RenderDoc's console; Python logging's `%(levelname)s - %(message)s`), the
 * level in capitals or capitalised; also syslog's short names, as 389 Directory Server's errors log
 * prints them after its bracketed time, pasted without it (`ERR - accept_thread - Not listening for
 * new connections - too many fds open`, 389ds/389-ds-base#7377).
 */
const LEVEL_DASH_FIRST =
  /^(?:EMERG|ALERT|CRIT(?:ICAL)?|FATAL|ERR(?:OR)?|WARN(?:ING)?|NOTICE|INFO|DEBUG|Crit(?:ical)?|Fatal|Error|Warn(?:ing)?|Notice|Info|Debug) {1,8}- \S/;

/** A record of a log that prints no time: its level first (conmand's own log, Python logging's default format). */
export function levelFirst(text: string): boolean {
  return LEVEL_FIRST.test(text) || LEVEL_DASH_FIRST.test(text);
}

/**
 * GLib's default log handler (every GTK/GLib/Qt-on-GLib program's stderr) opens each message with
 * the program's name and pid in parentheses, then the domain and level:
 *   `(nextcloud:16504): GLib-ERROR **: 02:34:10.533: Creating pipes for GWakeup: Too many open files`
 *   `(process:58877): GLib-ERROR **: Creating pipes for GWakeup: Too many open files` (no name set, older GLib: no time)
 *   `** (zenity:4242): WARNING **: …` (no domain)
 * `process` stands for a program that never set its name: then only the pid is known.
 */
const GLIB_PREFIX = /^(?:\*\* )?\(([\w.+-]{1,64}):([1-9]\d{0,8})\): (?:[\w-]{1,64}-)?(?:ERROR|CRITICAL|WARNING|Message|INFO|DEBUG) \*\*: /;

/**
 * Performance Co-Pilot's daemons (pmcd, pmlogger, pmie, pmproxy …) open each message with the time
 * in brackets, the program and its pid in parentheses, then a level word (`pmNotifyErr`'s
 * `[%.19s] %s(%d) %s: `): `[Fri May 10 09:47:21] pmcd(1030) Error: AcceptNewClient(0): Unexpected
 * error from __pmAccept: 24: Too many open files`. What the brackets hold is not read (a ctime, or
 * the placeholder a writer typed for it, `[time stamp]`): `prog(pid) Level: ` after them is the shape.
 */
const PCP_PREFIX = /^\[[^\]\n]{1,40}\] ([\w.-]{1,64})\(([1-9]\d{0,8})\) (?:Emergency|Alert|Critical|Error|Warning|Notice|Info|Debug): /;

/** The program and pid of a PCP daemon's log prefix; null for any other line. */
export function pcpSource(text: string): { program: string; pid: number } | null {
  const m = PCP_PREFIX.exec(text);
  return m ? { program: m[1], pid: Number(m[2]) } : null;
}

/** The program and pid of a GLib log message's prefix; null for any other line. */
export function glibSource(text: string): { program?: string; pid: number } | null {
  const m = GLIB_PREFIX.exec(text);
  if (!m) return null;
  const pid = Number(m[2]);
  return m[1] === 'process' ? { pid } : { program: m[1], pid };
}

/**
 * `Dec  5 10:00:01 host prog[123]: `, `2024-03-01T10:00:00.123+0100 host prog[123]: ` (syslog,
 * journalctl), also as journalctl's other short forms print the time — `-o short-precise` (`Dec 06
 * 19:00:00.123456`), `-o short-full` (`Sun 2026-12-06 19:00:00 UTC`) — and after a raw syslog
 * message's priority (`<27>Dec  6 19:00:00 host prog[123]: `). The month is the locale's `%b`: in a
 * Chinese or Japanese locale its number and 月 (`7月 09 09:34:55 host influxd[9165]: `, influxdata/influxdb#25140),
 * in a Korean one 월; in a European one three or four letters, lower case or accented, maybe with
 * a dot (French `févr. 21 02:05:29 domotique python[2711]: `, eavanvalkenburg/pysiaalarm#30; German
 * `Mär`, Spanish `ene`, Russian `фев`); the rest of the line is the same.
 */
const LOCALE_MONTH = String.raw`(?:[A-Z][a-z]{2}| ?[1-9][月월]|1[0-2][月월]|\p{L}{3,4}\.?)`;
const SYSLOG = new RegExp(
  String.raw`^(?:<\d{1,3}>)?(?:${LOCALE_MONTH} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})?|[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?: [A-Z]{2,5}| [+-]\d\d:?\d\d)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[.\d]*(?:Z|[+-]\d\d:?\d\d)?) [\w.-]{1,64} ([\w./@-]{1,64})(?:\[(\d{1,9})\])?: `,
  'u',
);
/**
 * journalctl's `-o short-unix` (`1765047600.123456 host prog[123]: `) and `-o short-monotonic`
 * (`[ 1234.567890] host prog[123]: `): the pid in brackets required (dmesg's own `[ 5.1] usb 1-1: `
 * prints no host and no pid).
 */
const SECONDS_SYSLOG = /^(?:\d{9,11}\.\d{6}|\[ {0,12}\d{1,10}\.\d{6}\]) [\w.-]{1,64} ([\w./@-]{1,64})\[(\d{1,9})\]: /;

/**
 * A journal line pasted without its host (a writer who redacts it, or cuts it): `Nov 23 03:54:41
 * postgrest[11475]: Network.Socket.accept: resource exhausted (Too many open files)`. The program
 * and its pid in brackets are required: with the pid gone, `Nov 23 03:54:41 host prog: ` and
 * `Nov 23 03:54:41 prog: ` could not be told apart. Also with an ISO date, `T` or a space before
 * the time: a program's own log that tags its records as syslog does (`strftime("%Y-%m-%d
 * %H:%M:%S")` then `prog[pid]: `, a Perl statsd sender's `2026-12-07 13:06:21 statsd-push[2338]:
 * cannot open UDP socket: Too many open files`), journalctl's `-o short-iso` with its host cut.
 */
const HOSTLESS_STAMPED_SYSLOG = new RegExp(
  String.raw`^(?:<\d{1,3}>)?(?:${LOCALE_MONTH} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})?|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) ([\w./@-]{1,64})\[([1-9]\d{0,8})\]: `,
  'u',
);
/**
 * A syslog line pasted with its time but without its date: `17:30:14 app python3[1775]: OSError: [Errno
 * 24] Too many open files` (python-websockets/websockets#822: the date was cut from every line). The
 * host, the program and its pid in brackets are required, as for a line without its time.
 */
const TIME_ONLY_SYSLOG = /^\d\d:\d\d:\d\d(?:\.\d{1,9})? [\w.-]{1,64} ([\w./@-]{1,64})\[([1-9]\d{0,8})\]: /;
/** A journal line pasted without its time: `nixos NetworkManager[5261]: ` (host, program, pid: the pid is required). */
const UNSTAMPED_SYSLOG = /^[\w.-]{1,64} ([\w./@-]{1,64})\[(\d{1,9})\]: /;
/**
 * A journal line pasted without its time and host: `gnome-shell[4503]: Creating pipes for GWakeup:
 * …`, `sshd-session[1948]: …` (the program and its pid in brackets are required; `fd[0]: ` is no pid).
 */
const HOSTLESS_SYSLOG = /^([\w./@-]{1,64})\[([1-9]\d{0,8})\]: /;
/**
 * OpenWrt's `logread` (every OpenWrt/LEDE router's system log): ctime with the year, then the
 * facility and level, `Sun May 25 22:06:16 2025 daemon.info ctrld[28131]: `, `… kern.err kernel: `.
 */
const LOGREAD =
  /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} [a-z]{2,8}\d?\.(?:emerg|alert|crit|err|warn|notice|info|debug) ([\w./@-]{1,64})(?:\[(\d{1,9})\])?: /;
/** A logread line (a record of its own, the kernel's too: it continues no other). */
export function logreadLine(line: string): boolean {
  return LOGREAD.test(line);
}
/**
 * macOS's Console (OS X 10.11 and before, what it copies from its system log): the date as M/D/YY,
 * a 12-hour time with its milliseconds and AM/PM, then the program and its pid — `9/20/16
 * 10:42:51.045 PM Docker[13073]: Socket.Datagram.input: bind returned file table overflow`; the
 * kernel's own lines as `kernel[0]: ` (pid 0: no process's). A name may hold spaces (`Google Chrome
 * Helper[512]: `). In a 24-hour locale the date is D/M/YY, the time has no AM/PM and its
 * milliseconds follow a comma — `12/07/15 13:55:26,120 Tribler[6043]: dnssd_clientstub
 * deliver_request: socketpair failed 24 (Too many open files)` (Tribler/tribler#1557).
 */
const MACOS_CONSOLE = /^\d{1,2}\/\d{1,2}\/\d{2} \d{1,2}:\d\d:\d\d(?:[.,]\d{1,3})?(?: [AP]M)? ([\w./@-][\w./@ -]{0,63})\[(\d{1,9})\]: /;
/** A syslog or journal prefix with its time (with or without a host; logread's and macOS Console's too): its match (program, pid). */
function stampedPrefix(line: string): RegExpExecArray | null {
  return (
    SYSLOG.exec(line) ??
    LOGREAD.exec(line) ??
    SECONDS_SYSLOG.exec(line) ??
    HOSTLESS_STAMPED_SYSLOG.exec(line) ??
    MACOS_CONSOLE.exec(line) ??
    TIME_ONLY_SYSLOG.exec(line)
  );
}

/** A stamped prefix of the kernel's own line: logread's `kern.` facility, or pid 0 (macOS Console's `kernel[0]: `). */
function kernelPrefix(m: RegExpExecArray): boolean {
  return (logreadLine(m[0]) && m[0].includes(' kern.')) || m[2] === '0';
}

/** A stamped record of the kernel's own (`9/20/16 10:42:51.000 PM kernel[0]: file: table is full`): it opens a record, no process's. */
export function kernelRecord(line: string): boolean {
  const m = stampedPrefix(line);
  return m !== null && kernelPrefix(m);
}

/** A syslog or journal prefix in any of the forms above: its match (program, pid). */
function journalPrefix(line: string): RegExpExecArray | null {
  return stampedPrefix(line) ?? UNSTAMPED_SYSLOG.exec(line) ?? HOSTLESS_SYSLOG.exec(line);
}
/** Where a log line says it came from: the program, its pid, or both. */
export type LineSource = { program: string; pid?: number } | { program?: undefined; pid: number };
/** nginx's error log: `2018/10/19 16:05:32 [crit] 42#42: accept4() failed (24: Too many open files)` (pid#tid). */
const NGINX_ERROR = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[[a-z]{1,10}\] (\d{1,9})#\d{1,9}: /;
/**
 * The same header quoted from its level on, without the date (a write-up cut to the message:
 * `[alert] 24315#24315: *380953159 socket() failed (24: Too many open files) while connecting to
 * upstream`, guwi.ru): only nginx's own eight levels, then `pid#tid: `.
 */
const NGINX_UNSTAMPED = /^\[(?:emerg|alert|crit|error|warn|notice|info|debug)\] (\d{1,9})#\d{1,9}: /;
/** NGINX Unit's log: the same header without the colon, `2021/12/26 19:29:51 [alert] 23661#23753 accept4(29) failed …`. */
const UNIT_ERROR = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[[a-z]{1,10}\] (\d{1,9})#\d{1,9} /;
/** nginx's own messages on its stderr (what systemd logs for it): `nginx: [emerg] socket() ... failed (24: ...)`. */
const PROGRAM_LEVEL = /^([\w.-]{1,64}): \[(?:emerg|alert|crit|error|warn|notice|info|debug)\] /;
/**
 * systemd's own lines about a unit, as the journal shows them without their prefix (`journalctl -o
 * cat`, the tail of `systemctl status`, a paste cut to the message): `nginx.service: Failed with
 * result 'exit-code'.`, `Starting nginx - high performance web server...`, `Failed to start X.`
 */
const UNIT_MESSAGE =
  /^(?:[\w@:.-]{1,128}\.(?:service|socket|scope|timer|mount|path|target|slice): \S|(?:Starting|Stopping|Reloading) [^\n]{1,200}\.\.\.$|(?:Started|Stopped|Reloaded|Failed to start) [^\n]{1,200}\.$)/;
/**
 * A unit message under the syslog tag of the manager that wrote it, pasted without time and host:
 * `systemd: podman.service: Failed to allocate exec_fd pipe: Too many open files` (a user's
 * `systemd --user`), `systemd[1]: Failed to start X.`. The tag names the program; the rest must
 * read as a unit message.
 */
const TAGGED_UNIT = /^([\w.-]{1,64})(?:\[(\d{1,9})\])?: /;

function taggedUnit(line: string): { program: string; pid?: number } | null {
  const m = TAGGED_UNIT.exec(line);
  if (!m || !UNIT_MESSAGE.test(line.slice(m[0].length))) return null;
  return m[2] !== undefined ? { program: m[1], pid: Number(m[2]) } : { program: m[1] };
}

/**
 * Container engines whose journal lines also carry their containers' output: docker's `journald`
 * log driver writes what a container prints under the daemon's own name and pid
 * (`dockerd-current[1574]:     OSError: [Errno 24] Too many open files`); conmon does for podman.
 */
const RELAYING_ENGINE = /^(?:dockerd(?:-current)?|docker|conmon)$/;
/**
 * A line of another language's stack or exception (Python's `OSError: [Errno 24] …`, its
 * `File "x.py", line 3`, Java's `\tat a.B.c(`): no Go engine prints one; its container's program did.
 */
const FOREIGN_STACK_LINE =
  /^\s{0,64}(?:(?:[a-z_]\w{0,63}\.){0,16}[A-Z]\w{0,63}(?:Exception|Error): |at [\w$.<>]{1,256}\(|File "[^"]{0,512}", line \d{1,9}|Traceback \(most recent call last\):)/;

/**
 * docker's journald and syslog log drivers' default tag, `{{.ID}}`: the container's short ID, under
 * the daemon's pid (portainer#1991: `node1 75e975d6612f[30308]: … accept4: too many open files`
 * beside `dockerd[30308]`'s own lines). Every line so tagged is the container's output.
 */
const CONTAINER_ID_TAG = /^[0-9a-f]{12}$/;

/** A container's output relayed into the journal by its engine: the engine's name and pid are not its writer's. */
export function relayedByEngine(text: string): string | null {
  const line = withoutServicePrefix(text);
  const m = journalPrefix(line);
  if (!m) return null;
  if (m[2] !== undefined && CONTAINER_ID_TAG.test(m[1])) return `docker's log driver (container ${m[1]})`;
  if (!RELAYING_ENGINE.test(basename(m[1]))) return null;
  const message = line.slice(m[0].length);
  return FOREIGN_STACK_LINE.test(message) ? m[1] : null;
}

function basename(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}

/** `nginx.1    | `, `web_1  | `, `api-1  | `: the service a `docker compose` (or foreman) log line came from. */
const SERVICE_PREFIX = /^[\w.-]{1,64} +\| /;

/**
 * The service a `docker compose logs` line names in its prefix (`prosody-1  | …`: `prosody-1`); null
 * without one, and for Tanuki's Java Service Wrapper, whose first column is its level (`INFO   | jvm
 * 1    | 2022/07/25 11:38:01 | …`), not a service.
 */
export function composeService(text: string): string | null {
  const m = SERVICE_PREFIX.exec(codeSpanText(text));
  const name = m ? m[0].slice(0, m[0].indexOf(' ')) : null;
  return name === null || WRAPPER_LEVEL.test(name) ? null : name;
}
/** The levels Tanuki's wrapper prints in its log's first column. */
const WRAPPER_LEVEL = /^(?:DEBUG|INFO|STATUS|WARN|ERROR|FATAL|ADVICE|NOTICE)$/;

/**
 * VS Code's output channel of a language client, `2025-06-03 16:32:07.957 [info] `: the editor's
 * time and level before each line the server wrote to stderr, whose own header follows (Windsurf's
 * Go server, `… [info] F0603 16:32:07.957159 4027990 main.go:803] Language server failed - too
 * many open files`: glog's, naming its pid).
 */
const EDITOR_CHANNEL = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[(?:trace|debug|info|warning|error)\] (?=\S)/;

/**
 * A log line without the prefix a relay put before it: `docker compose logs`' `service | `, YAJSW's
 * `LEVEL|PID/RESTARTS|Service NAME|TIME|`, a Ray driver's `(pid=…) `, an editor's output channel's.
 */
export function withoutServicePrefix(text: string): string {
  const line = codeSpanText(text);
  const m = SERVICE_PREFIX.exec(line) ?? EDITOR_CHANNEL.exec(line);
  return line.slice(m ? m[0].length : (yajswRelay(line)?.rest ?? rayRelay(line)?.rest ?? 0));
}

/**
 * One level of Markdown blockquote, `> ` (or `>` alone; not `>>`), how an issue quotes log lines it
 * did not fence (pgbouncer#1548: `> 2026-08-16 00:00:32.332 UTC [3989387] ERROR accept() failed: …`).
 */
const BLOCKQUOTE = /^> ?(?!>)/;

/** The text of a log line quoted as one inline code span or as a blockquote; any other line as it is. */
export function codeSpanText(text: string): string {
  const line = text.replace(BLOCKQUOTE, '');
  return inlineCode(line) ?? line;
}

/** The program and pid of a syslog/journal prefix (`host nginx[1234]: `) or of nginx's error-log header. */
export function syslogSource(text: string): LineSource | null {
  // A Ray driver's prefix names the writer (below); its own line may add the pid.
  const ray = rayRelay(codeSpanText(text));
  const own = ownSource(withoutServicePrefix(text));
  if (!ray) {
    // YAJSW's relay prefix names the application's pid (yajsw-log.ts).
    const wrapped = own ? null : yajswRelay(codeSpanText(text));
    return wrapped ? { pid: wrapped.pid } : own;
  }
  const pid = ray.remote ? undefined : (ray.pid ?? own?.pid);
  if (ray.program !== undefined) return { program: ray.program, ...(pid !== undefined ? { pid } : {}) };
  return pid !== undefined ? { pid } : own;
}

function ownSource(line: string): LineSource | null {
  const m = stampedPrefix(line);
  // logread's `kern.` facility: the kernel's own line (`VFS: file-max limit 51200 reached`), no process's.
  // …and pid 0 is the kernel too (macOS Console's `kernel[0]: file: table is full`), no process.
  if (m && kernelPrefix(m)) return null;
  if (m) {
    if (m[2] !== undefined) return { program: m[1], pid: Number(m[2]) };
    // A level word where the tag would be is the record's level (winston's `2014-05-20T16:41:26.325Z
    // - info: …`, its `-` read as a host): no program's name.
    return isLevelWord(m[1]) ? null : { program: m[1] };
  }
  const nginx = NGINX_ERROR.exec(line) ?? NGINX_UNSTAMPED.exec(line);
  if (nginx) return { program: 'nginx', pid: Number(nginx[1]) };
  const unit = UNIT_ERROR.exec(line);
  if (unit) return { program: 'unitd', pid: Number(unit[1]) };
  const ossec = ossecLogSource(line);
  if (ossec) return ossec;
  // unbound's and libunbound's `[EPOCH] ident[pid:tid] level: ` (below).
  const unbound = unboundSource(line);
  if (unbound) return unbound;
  // NSLog's and Xcode's console `TIME Name[pid:tid] ` (record-pids.ts).
  const nslog = nslogSource(line);
  if (nslog) return nslog.program !== undefined ? { program: nslog.program, pid: nslog.pid } : { pid: nslog.pid };
  // A macOS framework's message on the process's stderr, `DATE TIME node[79167] (FSEvents.framework) ` (record-pids.ts).
  const framework = frameworkStderrSource(line);
  if (framework) return framework;
  const bare = UNSTAMPED_SYSLOG.exec(line) ?? HOSTLESS_SYSLOG.exec(line);
  if (bare) return { program: bare[1], pid: Number(bare[2]) };
  // `TIME prog[pid] LEVEL `, Python logging's `%(name)s[%(process)d]` (record-pids.ts).
  const tagged = stampedTagSource(line);
  if (tagged) return tagged;
  const own = PROGRAM_LEVEL.exec(line);
  if (own) return { program: own[1] };
  const go = goLogPid(line);
  if (go !== undefined) return { pid: go };
  // Phusion Passenger's `[ TIME PID/THREAD file:line ]: ` (above).
  const passenger = passengerPid(line);
  if (passenger !== undefined) return { pid: passenger };
  // A JSON record's own `pid` (bunyan, pino: above).
  const json = jsonRecordPid(line);
  if (json !== undefined) return { pid: json };
  // GLib's own prefix, `(nextcloud:16504): GLib-ERROR **: …` (above).
  const glib = glibSource(line);
  if (glib) return glib.program !== undefined ? { program: glib.program, pid: glib.pid } : { pid: glib.pid };
  // Performance Co-Pilot's daemons, `[Fri May 10 09:47:21] pmcd(1030) Error: …` (above); ZLToolKit's
  // `TIME E [MediaServer] [76326-event poller 66] Socket.cpp:611 …` (zltoolkit-log.ts); ZoneMinder's
  // `TIME zmeventnotification[34882].ERR [where] [msg]` (zoneminder-log.ts).
  const named = pcpSource(line) ?? zlToolkitLogSource(line) ?? zoneMinderLogSource(line);
  if (named) return named;
  // Android's logcat: the pid after the time, or in brief format's parentheses (logcat-log.ts).
  const logcat = logcatPid(line);
  if (logcat !== undefined) return { pid: logcat };
  // NestJS's logger, `[Nest] 7  - 04/07/2024, 4:57:29 AM   ERROR [JobService] …` (below).
  const nest = nestPid(line);
  if (nest !== undefined) return { pid: nest };
  // Spring Boot's default pattern, `TIME  WARN 22380 --- [boss-1-1] logger : …` (record-pids.ts).
  const spring = springBootPid(line);
  if (spring !== undefined) return { pid: spring };
  // Odoo's `TIME,ms PID LEVEL db logger: ` (record-pids.ts).
  const odoo = odooPid(line);
  if (odoo !== undefined) return { pid: odoo };
  // lo2s's `[COUNTER][pid: 6771][tid: …][ERROR]: `, Dramatiq's `[TIME] [PID 82438] [thread] [logger] [LEVEL] ` (record-pids.ts).
  const field = bracketFieldPid(line);
  if (field !== undefined) return { pid: field };
  // Chromium's `[pid:tid:MMDD/HHMMSS:LEVEL:file(line)] ` (chromium-log.ts).
  const chromium = chromiumLogSource(line);
  if (chromium) return { pid: chromium.pid };
  // Redis's, KeyDB's and Valkey's `pid[:tid]:ROLE DD Mon YYYY time LEVEL ` (redis-log.ts).
  const redis = redisLogSource(line);
  if (redis) return { pid: redis.pid };
  // Tarantool's `TIME [pid] thread[/fiber] [file:line] L> ` (tarantool-log.ts).
  const tarantool = tarantoolLogPid(line);
  if (tarantool !== undefined) return { pid: tarantool };
  // Ruby's Logger, `E, [TIME #17304] ERROR -- : …`, and Sidekiq's `TIME 489 TID-… ERROR: …` (ruby-log.ts).
  const ruby = rubyLogPid(line);
  if (ruby !== undefined) return { pid: ruby };
  // Node's util.debuglog, `HDB_CONN 34859: …` (node-debuglog.ts).
  const debuglog = debuglogPid(line);
  if (debuglog !== undefined) return { pid: debuglog };
  // libdbus's warnings, `process 31671: D-Bus library appears …` (dbus-warn.ts).
  const dbus = dbusWarnPid(line);
  if (dbus !== undefined) return { pid: dbus };
  // valgrind's `==22391== Warning: …`: the pid of the process it runs (valgrind-fds.ts).
  const valgrind = valgrindLinePid(line);
  if (valgrind !== undefined) return { pid: valgrind };
  // PgBouncer's and PostgreSQL's own log files: the pid after the time (above).
  const stamped = stampedPid(line);
  return stamped !== undefined ? { pid: stamped } : taggedUnit(line);
}

/**
 * A line that opens with its writer's pid in brackets, hitch's `[11646] {client} accept() failed;
 * too many open files for this process`, or after a bracketed time, gunicorn's `[2019-06-02
 * 10:00:00 +0000] [1234] [ERROR] …`, or after a bracketed ctime with milliseconds, Sphinx's and
 * Manticore's searchd, `[Thu Apr 12 10:45:01.597 2018] [21282] WARNING: … 'Too many open files'`:
 * the pid, no program. Read on lines that say they ran out
 * only (a shell's job line `[1] 12345` says nothing of the kind), and never as a record's source;
 * also quoted as inline code (a backtick before it).
 */
const BRACKET_PID =
  /^`?(?:\[(?:\d{4}-\d\d-\d\d[ T][\d:.,]{5,15}(?: ?[+-]\d{4}| ?Z)?|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,6})? \d{4})\] )?\[(\d{1,9})\] \S/;

export function bracketPid(text: string): LineSource | null {
  const m = BRACKET_PID.exec(withoutServicePrefix(text));
  return m ? { pid: Number(m[1]) } : null;
}

/**
 * unbound's own log prefix (its log.c, `[%lld] %s[%d:%x] %s: `): the Unix time in brackets, the
 * ident, the pid and the thread's hex number, the level — `[1440565113] libunbound[7241:0] error:
 * can't create socket: Too many open files` (bitmonerod's resolver, monero-project/monero#389).
 * libunbound runs inside another program, whose pid it is: the ident `libunbound` names no process.
 */
const UNBOUND_PREFIX =
  /^\[\d{9,11}\] ([\w.-]{1,64})\[([1-9]\d{0,8}):[0-9a-f]{1,16}\] (?:fatal error|error|warning|notice|info|debug|query|reply): /;

export function unboundSource(text: string): LineSource | null {
  const m = UNBOUND_PREFIX.exec(text);
  if (!m) return null;
  const pid = Number(m[2]);
  return m[1] === 'libunbound' ? { pid } : { program: m[1], pid };
}

/** A line in the shape of a syslog or journal record, or of a unit's or a program's own message (an app log's detection). */
export function syslogShaped(line: string): boolean {
  return (
    stampedPrefix(line) !== null ||
    PROGRAM_LEVEL.test(line) ||
    UNIT_MESSAGE.test(line) ||
    taggedUnit(line) !== null ||
    redisLogSource(line) !== null
  );
}

/**
 * A line without what says who wrote it: a journal's `Dec 01 10:00:01 host myapp[2211]: `, then
 * nginx's `2018/10/19 16:05:32 [crit] 42#42: `, PgBouncer's `2017-01-12 14:48:43.088 46529 ` (its
 * time with it: `timeCut`).
 */
export function withoutWriterPrefix(text: string): { rest: string; timeCut: boolean } {
  const prefixed = withoutServicePrefix(text);
  const journal = journalPrefix(prefixed);
  const line = journal ? prefixed.slice(journal[0].length) : prefixed;
  const nginx = NGINX_ERROR.exec(line);
  if (nginx) return { rest: line.slice(nginx[0].length), timeCut: true };
  const unstamped = NGINX_UNSTAMPED.exec(line);
  if (unstamped) return { rest: line.slice(unstamped[0].length), timeCut: false };
  // PgBouncer's and PostgreSQL's time and pid, their level word kept (`WARNING sbuf_connect failed: …`).
  const stamped = afterStampedPid(line);
  if (stamped !== undefined) return { rest: stamped, timeCut: true };
  return { rest: line, timeCut: false };
}

/**
 * Ceph's daemons (ceph-osd, ceph-mon, ceph-mds, radosgw) log `TIME THREAD PRIO message`:
 *   `2025-03-10T12:11:22.572+0000 7a50ed8006c0 -1 Processor -- accept open file descriptions limit reached …`
 *   `2019-05-01 10:00:00.123456 7f3c2b7fe700  0 log_channel(cluster) log [WRN] : …`
 * and, in the dump of recent events a crash writes, each such line after its index (`   -7> `,
 * `     0> `). The thread is pthread_self() in hex (a pointer: it has a letter), not a pid. `cephDumpMark` is the index's length
 * (0 for any other line); `afterCephHeader` drops the thread and priority left after the time.
 */
const CEPH_DUMP_MARK = /^ {0,8}-?\d{1,6}> (?=\d{4}-\d\d-\d\d[ T]\d\d:)/;
const CEPH_HEADER = /^ ?(?=\d{0,15}[a-f])[0-9a-f]{8,16} {1,3}-?\d{1,2} (?=\S)/;

export function cephDumpMark(text: string): number {
  return CEPH_DUMP_MARK.exec(text)?.[0].length ?? 0;
}

export function afterCephHeader(rest: string): string {
  const m = CEPH_HEADER.exec(rest);
  return m ? rest.slice(m[0].length) : rest;
}

/**
 * Ray's driver prints every Ray process's output with a prefix naming it (the log monitor
 * forwards each worker's and each component's stderr):
 *   `(pid=31337) …`                  a worker, by its pid
 *   `(MyActor pid=31337) …`          an actor's or task's worker: its name, then its pid
 *   `(pid=gcs_server) E1025 … Failed accept4: Too many open files`    a component, by its name
 *   `(raylet, ip=192.168.1.14) [2022-10-25 … E 2165 2165] …`          a process of another node
 *   `(raylet) [2023-04-12 18:43:36,237 E 55835 55835] …`              a component of this node
 * The line after the prefix is the process's own. A process of another node (`ip=`) is known by its
 * name only: its pid is that node's, not one of this bundle's.
 */
const RAY_PID = /^\((?:([A-Za-z_][\w.:-]{0,63}) )?pid=([\w.-]{1,64})(?:, ip=[\w.:-]{1,64})?\) /;
const RAY_REMOTE = /^\(([A-Za-z_][\w.:-]{0,63}), ip=[\w.:-]{1,64}\) /;
/** Ray's own components, which its driver prefixes by name alone. */
const RAY_COMPONENT = /^\((raylet|gcs_server|dashboard|dashboard_agent|log_monitor|monitor|runtime_env_agent)\) /;

/** The writer a Ray driver's prefix names, and where the writer's own line starts; null for any other line. */
export function rayRelay(text: string): { program?: string; pid?: number; remote?: true; rest: number } | null {
  const m = RAY_PID.exec(text);
  if (m) {
    const remote = m[0].includes(', ip=');
    const numeric = /^\d{1,9}$/.test(m[2]);
    const program = numeric ? m[1] : m[2];
    return {
      ...(program !== undefined ? { program } : {}),
      ...(numeric && !remote && Number(m[2]) > 0 ? { pid: Number(m[2]) } : {}),
      ...(remote ? { remote: true as const } : {}),
      rest: m[0].length,
    };
  }
  const remote = RAY_REMOTE.exec(text);
  if (remote) return { program: remote[1], remote: true, rest: remote[0].length };
  const component = RAY_COMPONENT.exec(text);
  return component ? { program: component[1], rest: component[0].length } : null;
}

/**
 * gdb's line when the program it ran ends: `[Inferior 1 (process 16058) exited with code 01]`
 * (also `exited normally`, `killed`, `detached`). The lines the program printed before it, naming no
 * process, are that pid's (Wazuh's ossec-logcollector run under gdb: `… due to [(24)-(Too many open
 * files)].`, then this line).
 */
const GDB_INFERIOR = /^\[Inferior \d{1,6} \(process (\d{1,9})\) (?:exited|killed|detached)\b/;

/** The pid of the program gdb ran, from the line gdb prints when it ends; undefined for any other line. */
export function gdbInferiorPid(text: string): number | undefined {
  const m = GDB_INFERIOR.exec(text.trimStart());
  const pid = m ? Number(m[1]) : 0;
  return pid > 0 ? pid : undefined;
}
