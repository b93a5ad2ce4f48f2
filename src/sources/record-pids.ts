// The pid a log with no syslog prefix prints (log-pids.ts reads the prefixes):
// In every line, after the time (the format of the program's own log file):
//   PgBouncer    `2017-01-12 14:48:43.088 46529 WARNING sbuf_connect failed: Too many open files`
//                `2024-03-13 17:29:01.802 CET [3115148] LOG kernel file descriptor limit: 64000 …`
//   PostgreSQL   `2017-01-12 14:48:43.088 UTC [46529] LOG:  out of file descriptors: Too many open files`
//                (log_line_prefix '%m [%p] ')
// The number sits between the time and a level word of theirs (LOG, NOISE, WARNING, ERROR, FATAL,
// PANIC). Not a level in brackets (MySQL's `2017-01-12 14:48:43 46529 [Warning]` prints a thread
// id there), nor a time with a comma (log4net's `2017-01-12 14:48:43,088 [12] ERROR` prints a
// thread id in brackets).
//
// Once, in the line a daemon writes as it starts, announcing its own pid: the lines after it that
// name no process are that process's until the next such line (a restart).
//   conmand        `NOTICE:    Starting ConMan daemon 0.2.7 (pid 1234)`
//   Redis          `Redis version=5.0.7, bits=64, commit=00000000, modified=0, pid=1, just started`
//   MongoDB        `[initandlisten] MongoDB starting : pid=1234 port=27017 dbpath=/data/db`
//   Elasticsearch  `[node-1] version[7.1.0], pid[1234], build[default/tar/…]`
// Not a line about a worker or child it started (gunicorn's `Booting worker with pid: 1235`,
// uWSGI's `spawned uWSGI worker 1 (pid: 1235, …)`): that pid is another process's.
//
// In a JSON record's own `pid` field (Node's bunyan and pino, below); before Spring Boot's `--- [thread]` (below);
// after Odoo's time with its comma, before a Python level word, the database and the logger (below).
import { glogHeaderIds } from './log-stamps.js';

const STAMPED_PID =
  /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,9})?(?: [A-Z]{2,5}| [+-]\d\d(?::?\d\d)?)? (?:(\d{1,9}) |\[(\d{1,9})\] )(LOG|NOISE|WARNING|ERROR|FATAL|PANIC)[: ]/;

/** The pid a PgBouncer or PostgreSQL log line prints after its time; undefined when it has none. */
export function stampedPid(text: string): number | undefined {
  const m = STAMPED_PID.exec(text);
  if (!m) return undefined;
  const pid = Number(m[1] ?? m[2]);
  return pid > 0 ? pid : undefined;
}

/** A start line's first word (`Starting`, `started`, `version[…]`): where the announced pid is looked for after. */
const ANNOUNCING = /\b(?:[Ss]tart(?:ing|ed)|[Vv]ersion)\b/;
/** `pid 1234`, `pid=1`, `pid[31]`, `pid: 5`: read with a sticky match at each `pid` found in code. */
const PID_AT = /pid(?: |=|\[|: )(\d{1,9})\b/y;
/** How far after its start word a line's pid still is the one it announces. */
const ANNOUNCE_REACH = 200;
const OF_ANOTHER = /\b(?:[Ww]orkers?|[Cc]hild(?:ren)?|[Ss]pawn(?:ed|ing)?|[Ff]ork(?:ed|ing)?)\b/;

/** The pid a daemon's start line announces as its own; undefined for any other line. */
export function announcedPid(text: string): number | undefined {
  const start = ANNOUNCING.exec(text);
  if (!start || OF_ANOTHER.test(text)) return undefined;
  const from = start.index + start[0].length;
  const to = Math.min(text.length, from + ANNOUNCE_REACH + 4);
  for (let at = text.indexOf('pid', from); at !== -1 && at < to; at = text.indexOf('pid', at + 3)) {
    // A word of its own: `pid`, not the end of `rapid`.
    if (at > 0 && /\w/.test(text[at - 1])) continue;
    PID_AT.lastIndex = at;
    const m = PID_AT.exec(text);
    if (!m) continue;
    const pid = Number(m[1]);
    return pid > 0 ? pid : undefined;
  }
  return undefined;
}

/**
 * The pid a Go glog/klog header names; undefined for any other line. A Go program's stderr mixes
 * its loggers: glog's lines and, between them, lines of the standard `log` package or of a library's
 * own logger with a time and no pid (etcd's capnslog, `2016-04-11 18:52:43.437144 I | Failed to
 * connect to 10.2.0.7:2181: dial tcp 10.2.0.7:2181: too many open files`). Those lines are the same
 * process's: the reader carries the last glog pid to the lines after it that name no process, until
 * a line names another.
 */
export function goLogPid(text: string): number | undefined {
  // Go's glog and klog (`E0410 17:54:57.997000    3672 server.go:145] `, SeaweedFS's in whole
  // seconds, go-logging's with an RFC 3339 time) print the pid, os.Getpid(), where C++ glog prints
  // the thread id: only a Go source file says it is a pid.
  const h = glogHeaderIds(text);
  if (!h?.file.endsWith('.go') || h.id.length > 9) return undefined;
  const pid = Number(h.id);
  return pid > 0 ? pid : undefined;
}

/**
 * Phusion Passenger's own log (its agents' lines in the web server's error log, or passenger.log)
 * opens each record with the time and `pid/thread`, then the source file, in brackets:
 *   `[ 2013-05-21 08:17:10.6723 25145/7fa8a0071700 Pool2/Pool.h:659 ]: ERROR: Cannot create a pipe: Too many open files (errno=24)` (4.x, 5.0)
 *   `[ E 2025-12-14 12:58:08.0616 58412/Tjw3 age/Cor/App/Implementation.cpp:218 ]: …` (5.1 and later: a level letter first, a short thread name)
 * A message of several lines starts on the line under the bracket, which then ends the line (`…:218 ]:`,
 * then `Could not spawn process for application …` … `… Too many open files (errno=24)`): the lines
 * under it, up to the next record, are that record's, and name its pid.
 * and its crash handler `[ pid=14160, timestamp=1363893787 ] Process aborted! …`. The number before
 * the slash is the agent's pid (getpid()); the thread after it is not a process. The program is not
 * named (PassengerHelperAgent, PassengerAgent, `Passenger core` by version).
 */
const PASSENGER_PREFIX = /^\[ (?:[CEWNID] )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? (\d{1,9})\/\w{1,32} [^\s\]]{1,256} \]:(?: |$)/;
const PASSENGER_CRASH = /^\[ pid=(\d{1,9}), timestamp=\d{1,12} \] /;

/** The pid a Passenger log prefix names; undefined for any other line. */
export function passengerPid(text: string): number | undefined {
  const m = PASSENGER_PREFIX.exec(text) ?? PASSENGER_CRASH.exec(text);
  const pid = m ? Number(m[1]) : 0;
  return pid > 0 ? pid : undefined;
}

/** Longer lines are not read as JSON records (a record is a line; hostile input stays cheap). */
const MAX_JSON_RECORD = 65_536;

/**
 * A JSON log record, one object a line, as Node's bunyan and pino write every record:
 *   `{"name":"sinopia","hostname":"h","pid":19099,"level":50,"err":{"message":"EMFILE, open '…'",…},"msg":"…","v":0}`
 *   `{"level":50,"time":1700000000000,"pid":4242,"hostname":"h","msg":"accept EMFILE"}`
 * Its top-level `pid` is the writer's own (process.pid); a `pid` inside a nested object (an error's,
 * a child's) is not, and a line that is not one whole JSON object names none.
 */
export function jsonRecordPid(text: string): number | undefined {
  const line = text.trim();
  if (line.length > MAX_JSON_RECORD || !line.startsWith('{') || !line.endsWith('}') || !line.includes('"pid"')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  const pid = record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>).pid : undefined;
  return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 && pid < 1e9 ? pid : undefined;
}

/**
 * NestJS's logger (every NestJS application's default, Immich's among them) opens each record with
 * its prefix, the process's pid (`process.pid`), a dash and the time:
 *   `[Nest] 7  - 04/07/2024, 4:57:29 AM   ERROR [JobService] Error: EMFILE: too many open files, scandir '…'`
 *   `[Nest] 19520   - 09/12/2021, 10:00:00 AM   [ExceptionsHandler] EMFILE: too many open files` (Nest 7)
 */
const NEST_PREFIX = /^\[Nest\] ([1-9]\d{0,8}) {1,8}- /;

/** The pid a NestJS log record prints after its `[Nest]` prefix; undefined for any other line. */
export function nestPid(text: string): number | undefined {
  const m = NEST_PREFIX.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Spring Boot's default log pattern (every Spring Boot application's console and file log, Logback
 * or Log4j2): the time, the level padded to five, the process's pid, `---`, then the thread in
 * brackets — `2022-03-13 08:46:07.897  WARN 22380 --- [boss-1-1] io.netty.channel.DefaultChannelPipeline
 * : …` (Boot 2), `2023-11-02T10:00:00.123+01:00 ERROR 4711 --- [myapp] [main] …` (Boot 3, ISO time,
 * the application's name in brackets before the thread), also quoted from the level on. The `---`
 * after the number is what says it is a pid.
 */
const SPRING_BOOT_PREFIX =
  /^(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)? {1,3})?(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) {1,3}([1-9]\d{0,8}) --- \[/;

/** The pid a Spring Boot log record prints before its `--- [thread]`; undefined for any other line. */
export function springBootPid(text: string): number | undefined {
  const m = SPRING_BOOT_PREFIX.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Odoo's log format (odoo/netsvc.py, `%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s`):
 * `2015-04-20 10:55:09,364 1167 ERROR db_name openerp.addons.fetchmail.fetchmail: General failure …`.
 * The time has Python logging's comma; then the pid bare, a Python level word, the database (`?`
 * when none) and the dotted logger's name with its colon — the last two tell it from a log4net line
 * (`2017-01-12 14:48:43,088 [12] ERROR`, a thread in brackets).
 */
const ODOO_PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ([1-9]\d{0,8}) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \S{1,128} [\w.]{1,256}: /;

/** The pid an Odoo log record prints after its time; undefined for any other line. */
export function odooPid(text: string): number | undefined {
  const m = ODOO_PREFIX.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The text after PgBouncer's or PostgreSQL's time and pid, its level word kept (`WARNING sbuf_connect failed: …`); undefined for another line. */
export function afterStampedPid(line: string): string | undefined {
  const m = STAMPED_PID.exec(line);
  return m ? line.slice(m[0].length - m[3].length - 1) : undefined;
}

/**
 * A prefix of bracketed fields, one of them the writer's pid by name: lo2s's (and its nitro logger's)
 * `[54183772675114][pid: 6771][tid: 140057996973888][ERROR]: Failure while adding new process …`, a
 * counter or time first; Dramatiq's default format (`[%(asctime)s] [PID %(process)d]
 * [%(threadName)s] [%(name)s] [%(levelname)s] %(message)s`, every Dramatiq worker's log: `[2019-07-22
 * 16:30:24,823] [PID 82438] [Thread-20] [dramatiq.worker.ConsumerThread(transaction.DQ)] [CRITICAL]
 * Consumer encountered a connection error: …`, Bogdanp/dramatiq#218), its fields a space apart.
 * Each field holds no bracket, so the match is linear.
 */
const BRACKET_FIELD_PID = /^(?:\[[^[\]\n]{1,40}\] ?){0,4}\[(?:pid: ?|PID )([1-9]\d{0,8})\]/;

/** The pid a `[pid: N]` or `[PID N]` field of a bracketed prefix names; undefined for any other line. */
export function bracketFieldPid(text: string): number | undefined {
  const m = BRACKET_FIELD_PID.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * winston's exception handler (`handleExceptions`, Node's most used logger) writes the record
 * `error: uncaughtException: EMFILE: too many open files, open '…'` and under it a dump of the
 * process (`getAllInfo`), util.inspect's: `{ date: '…',` / `  process:` / `   { pid: 16787,` (newer
 * Node: `  process: {` / `    pid: 16787,`). That pid is the record's writer; it comes a few lines
 * after the record, so the reader keeps where the last `uncaughtException:` record was.
 */
const UNCAUGHT_RECORD = /\b(?:uncaughtException|unhandledRejection): /;
const DUMP_PROCESS_KEY = /^\s{0,8}process: ?\{?\s{0,4}$/;
const DUMP_PID = /^\s{0,12}\{? ?pid: ([1-9]\d{0,8}),/;
/** How many lines under its record the dump's pid still is the record's (date, process, pid). */
const DUMP_REACH = 4;

/** A reader of winston's exception dumps: fed every line, it names the record line a dump's pid is for. */
export function winstonDumpReader(): (text: string, n: number) => { line: number; pid: number } | undefined {
  let record = -1;
  let previous = '';
  return (text, n) => {
    const before = previous;
    previous = text;
    if (UNCAUGHT_RECORD.test(text)) record = n;
    if (record < 0 || n - record > DUMP_REACH || !DUMP_PROCESS_KEY.test(before)) return undefined;
    const m = DUMP_PID.exec(text);
    return m ? { line: record, pid: Number(m[1]) } : undefined;
  };
}

/**
 * A log format that prints the time, then the program and its pid as syslog tags them, then the
 * level, with no colon after the tag: Python logging's `%(asctime)s %(name)s[%(process)d]
 * %(levelname)s %(message)s` (round 196's exporter, `2026-12-07 10:48:41,177 exportd[20100] ERROR
 * export 253 failed: [Errno 24] Too many open files: '…'`), the same with a `T`, a zone or a colon
 * after the level. The level word after the tag is what says the brackets hold a pid.
 */
const STAMPED_TAG_LEVEL =
  /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)? ([\w./@-]{1,64})\[([1-9]\d{0,8})\]:? (?:CRITICAL|FATAL|ERROR|WARNING|WARN|NOTICE|INFO|DEBUG|TRACE)(?::? )/;

/** The program and pid of a `TIME prog[pid] LEVEL ` record; null for any other line. */
export function stampedTagSource(text: string): { program: string; pid: number } | null {
  const m = STAMPED_TAG_LEVEL.exec(text);
  return m ? { program: m[1], pid: Number(m[2]) } : null;
}

/**
 * uWSGI's request line (its default logformat), written by the worker that served the request as
 * it ends: `[pid: 11555|app: 0|req: 254/658] 127.0.0.1 () {24 vars in 266 bytes} [Mon Dec  7
 * 19:11:16 2026] GET /api/orders => generated 0 bytes in 0 msecs (HTTP/1.1 500) 0 headers …`.
 * A request that failed (a 5xx) had the app's traceback printed by that same worker just before
 * it, with no pid of its own.
 */
const UWSGI_FAILED_REQUEST = /^\[pid: (\d{1,9})\|app: -?\d{1,6}\|req: \d{1,12}\/\d{1,12}\] [^\n]{0,2048}\(HTTP\/\d(?:\.\d)? 5\d\d\)/;

/** The pid of a uWSGI worker's request line for a request that failed; undefined for any other line. */
export function uwsgiFailedRequestPid(text: string): number | undefined {
  const m = UWSGI_FAILED_REQUEST.exec(text);
  if (!m) return undefined;
  const pid = Number(m[1]);
  return pid > 0 ? pid : undefined;
}

/**
 * Foundation's NSLog and Xcode's console (an app run from Xcode or in the simulator, os_log shown
 * there): the time to the millisecond or microsecond, the process's name, then its pid and thread
 * in brackets — `2016-12-12 14:12:27.838654 MyApp[41478:18175979] [] nw_interface_create_with_index_and_name
 * information socket creation failed: [24] Too many open files` (realm/realm-swift#4435), older
 * NSLog's hex thread `MyApp[1234:707]`, a zone after the time. The name may hold spaces (`Google
 * Chrome Helper[…]`) or be cut from the paste, the brackets still naming the pid.
 */
const NSLOG_PREFIX =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3,6}(?:[+-]\d{4})? ([^[\]\s][^[\]]{0,63})?\[([1-9]\d{0,8}):(?:0x)?[0-9a-f]{1,16}\] /;

/**
 * A macOS framework's own message on a process's stderr (Sierra's unified logging mirrors it there):
 * the date, the time to the minute or second, the process's name and pid in brackets, then the
 * framework in parentheses — `2016-09-22 10:49 node[79167] (FSEvents.framework) FSEventStreamStart:
 * register_with_server: ERROR: …` (jestjs/jest#1767, Node under `jest --watch`).
 */
const FRAMEWORK_STDERR =
  /^\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d(?:\.\d{1,6})?)? ([\w.+-]{1,64})\[([1-9]\d{0,8})(?::(?:0x)?[0-9a-f]{1,16})?\] \([\w.+-]{1,64}\.(?:framework|dylib|bundle)\) /;

/** The program and pid of a framework's message on a macOS process's stderr; null for any other line. */
export function frameworkStderrSource(text: string): { program: string; pid: number } | null {
  const m = FRAMEWORK_STDERR.exec(text);
  return m ? { program: m[1], pid: Number(m[2]) } : null;
}

/** The program (when its name is shown) and pid of an NSLog or Xcode console line; null for any other line. */
export function nslogSource(text: string): { program?: string; pid: number } | null {
  const m = NSLOG_PREFIX.exec(text);
  if (!m) return null;
  const pid = Number(m[2]);
  const program = m[1]?.trim();
  return program ? { program, pid } : { pid };
}
