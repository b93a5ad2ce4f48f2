// The time stamp and level a log line opens with: `2024-03-01 10:00:00,123 ERROR …`, Celery's
// `[… ,297: CRITICAL/MainProcess]`, Apache's `[Mon Sep 07 12:50:44 2009] [error]`, libwebsockets'
// `[2022/05/17 14:31:02:1068] E:`, glog's `E0429 15:10:27.741673 4681657856 file.cc:39]`, i2pd's
// `11:07:05@353/error - `, CUPS's `E [28/Jun/2006:13:23:32 -0300]`. Read by the log reader (app-log.ts).

export type LogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

/**
 * A level a log writes in lower case, as Apache's error_log (`[crit]`, `[notice]`; its `trace1`-`8`
 * read as DEBUG), i2pd (`none` is its unleveled output), VS Code's output channels and lager print
 * it (`[warning]`): one table for all of them.
 */
const LOWERCASE_LEVELS: Record<string, LogLevel> = {
  emerg: 'FATAL',
  emergency: 'FATAL',
  alert: 'FATAL',
  crit: 'FATAL',
  critical: 'FATAL',
  fatal: 'FATAL',
  error: 'ERROR',
  warn: 'WARN',
  warning: 'WARN',
  notice: 'INFO',
  info: 'INFO',
  none: 'INFO',
  debug: 'DEBUG',
  trace: 'TRACE',
};

/** A log level's word alone, in any case: syslog's, Log4j's, winston's (`verbose`, `silly`). */
const LEVEL_WORD = /^(?:emerg|alert|crit(?:ical)?|fatal|err(?:or)?|warn(?:ing)?|notice|info|debug|trace|verbose|silly)$/i;

/** Whether a word is a log level's (`info`, `ERROR`, `warning`): a record's level, not a program or a section. */
export function isLevelWord(word: string): boolean {
  return LEVEL_WORD.test(word);
}

// Timestamp at the start, optionally bracketed; date optional (month-day or full date). A colon
// may close it: Celery's default format, `[2018-02-15 12:44:20,297: CRITICAL/MainProcess] …`. A
// zone's abbreviation may close a bracketed one (log4go's `[2015/04/14 15:35:58 BST] [EROR] …`), or
// be UTC or GMT after a space (Parity's `2017-10-15 19:48:55 UTC  ERROR …`): part of the stamp, its
// offset unknown (no zone). An offset may follow a space when a colon or bracket closes the stamp
// (Ruby's Logger, `2014-05-28 11:30:40 +0000: Listen loop error: …`). libwebsockets (ttyd, lwsws and
// every program logging through lws) writes its ten-thousandths after a colon, inside the brackets:
// `[2022/05/17 14:31:02:1068] E: pty_fork: 24 (Too many open files)`. A bracketed stamp may run
// straight into the next bracket: Envoy's `[2020-11-01 19:22:20.467][4170][critical][assert] …`.
export const STAMP =
  /^\[?((?:\d{4}[-/])?\d{2}[-/]\d{2})?[ T]?(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9})|:(\d{3,4})(?=\]))?(?:(Z|[+-]\d{2}:?\d{2}| [+-]\d{4}(?=[:\]]))| [A-Z]{2,5}(?=\])| (?:UTC|GMT)(?=\s))?(?:\](?=\[)|(?:\]|:)?\s)/;
// Python logging's CRITICAL is its FATAL; Celery writes the level before `/` and the process name
// (`WARNING/ForkPoolWorker-3]`).
export const LEVEL = /(?:^|[\s[|])(FATAL|CRITICAL|ERROR|WARN|WARNING|INFO|DEBUG|TRACE)(?=[\s\]|:/])/;

export interface Stamp {
  date: string | null;
  seconds: number;
  zone: string | null;
  rest: string;
  /** The level a format puts right after its stamp in its own words (Apache's `[error]`). */
  level?: LogLevel | null;
}

/**
 * Apache httpd's error_log: a ctime stamp in brackets (2.4 adds microseconds), then the level in
 * lowercase brackets (2.4 prefixes the module: `[core:error]`, `[mpm_prefork:notice]`):
 *   [Mon Sep 07 12:50:44 2009] [error] (24)Too many open files: mod_fcgid: couldn't set …
 *   [Wed Oct 11 14:32:52.591349 2023] [core:error] [pid 1234:tid 5678] (24)Too many open files: …
 */
const CTIME_STAMP =
  /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? (\d{4})\]\s/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const APACHE_LEVEL = /^\[(?:[\w-]{1,32}:)?(emerg|alert|crit|error|warn|notice|info|debug|trace[1-8])\]/;

/** Apache's error_log stamp and level, or null. */
function apacheStamp(text: string): Stamp | null {
  const m = CTIME_STAMP.exec(text);
  if (!m) return null;
  const [h, min, sec, day] = [Number(m[3]), Number(m[4]), Number(m[5]), Number(m[2])];
  if (h > 23 || min > 59 || sec > 60 || day < 1 || day > 31) return null;
  const rest = text.slice(m[0].length);
  const level = APACHE_LEVEL.exec(rest);
  return {
    date: `${m[7]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    seconds: h * 3600 + min * 60 + sec + (m[6] ? Number(`0.${m[6]}`) : 0),
    zone: null,
    rest,
    level: level ? (LOWERCASE_LEVELS[level[1]] ?? 'DEBUG') : null,
  };
}

/**
 * glog's header — C++ glog, Go's glog and klog, gRPC core's gpr_log (every gRPC runtime: Python's,
 * Ruby's, PHP's): the level's letter, month and day, the time to the micro- or nanosecond, a thread
 * id (Go's glog: the pid; log-pids.ts reads it there) and the source line, then `]` and the message:
 *   `E0429 15:10:27.741673000 4681657856 wakeup_fd_pipe.cc:39]              pipe creation failed (24): Too many open files`
 *   `I0410 17:54:57.997000    3672 server.go:145] Accept()=accept tcp [::]:2182: accept: too many open files`
 * SeaweedFS's copy of Go's glog (weed/glog) prints whole seconds, no fraction:
 *   `E0405 11:25:00 45712 filer_server_handlers_read.go:102] Internal …: open …/004940.ldb: too many open files`
 */
const GLOG_STAMP = /^([IWEF])(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{6,9}))? {1,12}(\d{1,20}) ([\w./-]{1,128}):\d{1,6}\] {0,64}/;
const GLOG_LEVELS: Record<string, LogLevel> = { I: 'INFO', W: 'WARN', E: 'ERROR', F: 'FATAL' };
/**
 * The same header with an RFC 3339 date and time in place of glog's month, day and time, as Go's
 * go-logging writes it in glog's layout (`%{level:.1s}%{time:2006-01-02T15:04:05.000Z07:00} %{pid}
 * %{shortfile}]`: outline-ss-server, the Outline VPN's shadowsocks server):
 *   `E2019-04-02T22:58:06.287-04:00 6853 tcp.go:157] Failed to accept: accept tcp [::]:3389: accept4: too many open files`
 */
const GLOG_ISO_STAMP =
  /^([IWEF])(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3,9})(Z|[+-]\d\d:\d\d) {1,12}(\d{1,20}) ([\w./-]{1,128}):\d{1,6}\] {0,64}/;

/**
 * glog's stamp and level, or null. Not one of parseStamp's: a glog line opens a record of its own
 * when the paste is glog's (app-log.ts counts it so, and quotes its message without the header),
 * but an unstamped line under one is not read as that record wrapped (a program's stderr prints its
 * own lines between a library's glog lines; Go's glog pid is carried to them by log-pids.ts).
 */
export function glogStamp(text: string): Stamp | null {
  const iso = GLOG_ISO_STAMP.exec(text);
  if (iso) return glogIsoStamp(iso, text);
  const m = GLOG_STAMP.exec(text);
  if (!m) return null;
  const [month, day, h, min, sec] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || sec > 60) return null;
  return {
    date: `${m[2]}-${m[3]}`,
    seconds: h * 3600 + min * 60 + sec + (m[7] ? Number(`0.${m[7]}`) : 0),
    zone: null,
    rest: text.slice(m[0].length),
    level: GLOG_LEVELS[m[1]],
  };
}

/**
 * The number and the source file a glog header names, as written (`3672`, `server.go`): C++ glog's
 * thread id, or Go's pid (record-pids.ts tells them by the file); null for any other line.
 */
export function glogHeaderIds(text: string): { id: string; file: string } | null {
  const iso = GLOG_ISO_STAMP.exec(text);
  if (iso) return { id: iso[10], file: iso[11] };
  const m = GLOG_STAMP.exec(text);
  return m ? { id: m[8], file: m[9] } : null;
}

/** The stamp of glog's layout with an RFC 3339 time (GLOG_ISO_STAMP's match), or null for a time no clock shows. */
function glogIsoStamp(m: RegExpExecArray, text: string): Stamp | null {
  const [month, day, h, min, sec] = [m[3], m[4], m[5], m[6], m[7]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || sec > 60) return null;
  return {
    date: `${m[2]}-${m[3]}-${m[4]}`,
    seconds: h * 3600 + min * 60 + sec + Number(`0.${m[8]}`),
    zone: m[9],
    rest: text.slice(m[0].length),
    level: GLOG_LEVELS[m[1]],
  };
}

/**
 * i2pd's header (the I2P router's own log, `Log.cpp`): the time, `@` and the thread's id, `/`
 * and the level in lowercase, then ` - ` and the message:
 *   `11:07:05@353/error - HTTP Server: error handling accept Too many open files`
 *   `21:33:19@911/info - NTCP: Connect error Too many open files`
 * The number after `@` is a thread, never a pid.
 */
const I2PD_STAMP = /^(\d\d):(\d\d):(\d\d)@\d{1,12}\/(none|critical|error|warn|info|debug) - /;

/** i2pd's stamp and level, or null. */
function i2pdStamp(text: string): Stamp | null {
  const m = I2PD_STAMP.exec(text);
  if (!m) return null;
  const [h, min, sec] = [m[1], m[2], m[3]].map(Number);
  if (h > 23 || min > 59 || sec > 60) return null;
  return { date: null, seconds: h * 3600 + min * 60 + sec, zone: null, rest: text.slice(m[0].length), level: LOWERCASE_LEVELS[m[4]] };
}

/**
 * CUPS's error_log (cupsd, cups-browsed): the level's letter — `X` emerg, `A` alert, `C` crit, `E`
 * error, `W` warn, `N` notice, `I` info, `D` debug, `d` debug2 —, then the date and time in brackets
 * as its access_log writes them (microseconds when `LogTimeFormat usecs`), then the message:
 *   `E [28/Jun/2006:13:23:32 -0300] Unable to open "/dev/null" - Too many open files.`
 *   `D [11/Jul/2006:14:09:14 +0200] [Job 228] envp[23]="CLASS=test2"`
 */
const CUPS_STAMP =
  /^([XACEWNIDd]) \[(\d\d)\/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/(\d{4}):(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? ([+-]\d{4})\] /;
const CUPS_LEVELS: Record<string, LogLevel> = {
  X: 'FATAL',
  A: 'FATAL',
  C: 'FATAL',
  E: 'ERROR',
  W: 'WARN',
  N: 'INFO',
  I: 'INFO',
  D: 'DEBUG',
  d: 'DEBUG',
};

/** CUPS's error_log stamp and level, or null. */
function cupsStamp(text: string): Stamp | null {
  const m = CUPS_STAMP.exec(text);
  if (!m) return null;
  const [day, h, min, sec] = [m[2], m[5], m[6], m[7]].map(Number);
  if (day < 1 || day > 31 || h > 23 || min > 59 || sec > 60) return null;
  return {
    date: `${m[4]}-${String(MONTHS.indexOf(m[3]) + 1).padStart(2, '0')}-${m[2]}`,
    seconds: h * 3600 + min * 60 + sec + (m[8] ? Number(`0.${m[8]}`) : 0),
    zone: m[9],
    rest: text.slice(m[0].length),
    level: CUPS_LEVELS[m[1]],
  };
}

/**
 * CockroachDB's crdb-v1 log header, glog's layout with a two-digit year and no `]` after the source
 * line: the level's letter, YYMMDD, the time with microseconds, the goroutine's id (never a pid or a
 * thread), `file:line`, then the tags in brackets:
 *   `E230920 02:49:49.786292 10047550 storage/replica_proposal.go:207  [n1,s1,…] IO error: While open a file for random read: /var/lib/cockdb/DB/14986894.sst: Too many open files`
 */
const CRDB_STAMP = /^([IWEF])(\d\d)(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) (\d{1,20}) ([\w./@-]{1,128}):\d{1,6} {1,4}/;

/** The stamp and level of a crdb-v1 header, or null. */
function crdbStamp(text: string): Stamp | null {
  const m = CRDB_STAMP.exec(text);
  if (!m) return null;
  const [month, day, h, min, sec] = [m[3], m[4], m[5], m[6], m[7]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || sec > 60) return null;
  return {
    date: `20${m[2]}-${m[3]}-${m[4]}`,
    seconds: h * 3600 + min * 60 + sec + Number(`0.${m[8]}`),
    zone: null,
    rest: text.slice(m[0].length),
    level: GLOG_LEVELS[m[1]],
  };
}

/**
 * A record that opens with its level in lowercase brackets, then a dated stamp: CouchDB's couch_log
 * (2.0 and later, `[level] <ISO time> <node> <Erlang pid> <request id> <message>`):
 *   `[error] 2019-04-24T23:33:18.579171Z couchdb@127.0.0.1 <0.5461.1085> -------- application: mochiweb, …`
 * Only with a date after the level (a bracketed level word alone opens many other lines).
 */
const LEVEL_THEN_STAMP = /^\[(emergency|alert|critical|error|warning|notice|info|debug)\] (?=\d{4}-\d\d-\d\d[T ])/;

/** The stamp and level of a record whose bracketed level comes before its dated stamp, or null. */
function levelThenStamp(text: string): Stamp | null {
  const m = LEVEL_THEN_STAMP.exec(text);
  if (!m) return null;
  const s = parseStamp(text.slice(m[0].length));
  return s?.date ? { ...s, level: LOWERCASE_LEVELS[m[1]] } : null;
}

/**
 * The header of a writer whose records open with their level in its own words, not one of
 * parseStamp's (glog's, CockroachDB's, i2pd's, CUPS's, couch_log's): the log reader counts such a line a record and
 * quotes its message without the header.
 */
export function headerStamp(text: string): Stamp | null {
  return glogStamp(text) ?? crdbStamp(text) ?? i2pdStamp(text) ?? cupsStamp(text) ?? levelThenStamp(text);
}

/** A timestamp at the start of the line, or null: none, or one no clock shows (25:61, month 13). */
export function parseStamp(text: string): Stamp | null {
  if (text.startsWith('[') && !text.startsWith('[', 1) && /^\[[A-Z][a-z]{2} /.test(text)) return apacheStamp(text);
  const m = STAMP.exec(text);
  if (!m || !possible(m)) return null;
  const fraction = m[5] ?? m[6];
  const frac = fraction ? Number(`0.${fraction}`) : 0;
  return {
    date: m[1] ? m[1].replace(/\//g, '-') : null,
    seconds: Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) + frac,
    zone: m[7]?.trim() ?? null,
    rest: text.slice(m[0].length),
  };
}

/** Hours 0-23, minutes 0-59, seconds 0-60 (a leap second); a month 1-12 and a day 1-31 when there is a date. */
function possible(m: RegExpExecArray): boolean {
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 60) return false;
  if (!m[1]) return true;
  const [month, day] = m[1].split(/[-/]/).slice(-2).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The level within the first few tokens after the timestamp. */
/** `CRITICAL` and the character after it. */
const LONGEST_LEVEL = 9;

export function levelOf(rest: string): LogLevel | null {
  const bracketed = bracketedLevel(rest);
  if (bracketed) return bracketed;
  // A level word that starts in the first 80 characters, read whole (`… register_with_server: ERROR:`).
  const m = LEVEL.exec(rest.slice(0, 80 + LONGEST_LEVEL));
  if (!m || m.index >= 80) return null;
  return m[1] === 'WARNING' ? 'WARN' : m[1] === 'CRITICAL' ? 'FATAL' : (m[1] as LogLevel);
}

/**
 * A lowercase level in brackets right after the time: VS Code's logs and every language client's
 * output channel (`2025-06-03 16:32:07.957 [info] Language server listening …`, levels trace, debug,
 * info, warning, error), Erlang's lager and Elixir's Logger (`2018-08-12 11:53:12.436 [warning]
 * <0.1055.0> Ranch acceptor …`), nginx's error log and every server built on it — OpenResty, Kong,
 * APISIX, ingress-nginx — with syslog's levels emerg, alert, crit, error, warn, notice, info, debug
 * (`2023/09/19 07:29:36 [alert] 73#0: 16384 worker_connections are not enough`).
 */
const BRACKETED_LEVEL = /^\[(trace|debug|info|notice|warn|warning|error|crit|critical|alert|emerg|fatal)\] /;

function bracketedLevel(rest: string): LogLevel | null {
  const m = BRACKETED_LEVEL.exec(rest);
  return m ? LOWERCASE_LEVELS[m[1]] : null;
}

/**
 * A logfmt record's header: the level, the program's own time and the source line, as go-kit's log
 * (Prometheus and its exporters, Loki, Thanos: `level=error ts=2022-11-10T19:23:06.696Z
 * caller=nrpe_exporter.go:102 msg="Error dialing NRPE server" err="…"`) and logrus (`time="…"
 * level=error msg="…"`) open one. It says who and when, not what: the message starts after it.
 */
const LOGFMT_HEADER = /^(?:(?:level|lvl|ts|time|t|caller)=(?:"[^"\n]{0,80}"|[^\s"=]{1,80}) {1,4}){2,6}(?=\w{1,16}=)/;

/**
 * Envoy's log header after its bracketed time (`[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v`, the
 * format of Envoy and of every sidecar and gateway built on it): the thread id, the level, the
 * logger's name, then the source line when the format prints it —
 * `[4170][critical][assert] [external/envoy/source/common/network/socket_interface_impl.cc:51] `.
 * It says who wrote the record, not what: the message starts after it.
 */
const ENVOY_HEADER =
  /^\[\d{1,10}\]\[(?:trace|debug|info|warning|error|critical)\]\[[\w.-]{1,40}\] {1,4}(?:\[[^\]\s]{1,300}:\d{1,6}\] {1,4})?/;

/** The text after Envoy's thread, level and logger (what follows its time), or the text itself. */
export function afterEnvoyHeader(rest: string): string {
  const m = ENVOY_HEADER.exec(rest);
  return m ? rest.slice(m[0].length) : rest;
}

/**
 * GlusterFS's log header after its bracketed time (every GlusterFS daemon and client: glusterd,
 * glusterfsd bricks, the FUSE mount, gfapi users): the level's letter (`T D I N W E C A M`), the
 * message id when it has one, and the source file, line and function —
 * `E [MSGID: 113015] [posix-inode-fd-ops.c:1235:posix_opendir] `. It says who wrote the record, not
 * what: the message starts after it, with the translator that speaks (`0-sharing_vol-posix: …`).
 */
const GLUSTER_HEADER = /^ ?[TDINWECAM] {1,2}(?:\[MSGID: \d{1,9}\] {1,2})?\[[\w.-]{1,100}:\d{1,6}:\w{1,100}\] {1,2}(?=\S)/;

/** The text after GlusterFS's level, message id and source location (what follows its time), or the text itself. */
export function afterGlusterHeader(rest: string): string {
  const m = GLUSTER_HEADER.exec(rest);
  return m ? rest.slice(m[0].length) : rest;
}

/**
 * zap's console encoder (Go: Filebeat and the other Beats, the OpenTelemetry collector, mosdns): after
 * its time, the level and the caller, each ended by a tab (spaces once a page copied it) —
 * `WARN    transport/tcp.go:36     DNS lookup failure …`. It says who wrote the record, not what.
 */
const ZAP_HEADER =
  /^(?:DEBUG|INFO|WARN|ERROR|DPANIC|PANIC|FATAL|debug|info|warn|error|dpanic|panic|fatal)\s{1,12}[\w.@/-]{1,200}\.go:\d{1,6}\s{1,12}/;

/** The text after a record's header of level and caller (logfmt's, two or more of level, time and caller; zap's), or the text itself. */
export function afterLogfmtHeader(text: string): string {
  const m = LOGFMT_HEADER.exec(text) ?? ZAP_HEADER.exec(text);
  return m ? text.slice(m[0].length) : text;
}
