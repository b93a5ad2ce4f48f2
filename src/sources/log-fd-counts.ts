// A program's own report, in a stamped line of its log, of how many fds it holds — what it counted in
// its /proc/self/fd, as a periodic stats line prints it among its key=value fields:
//   Go's log      `2026/12/07 10:26:41 stats logins=227 audit_errors=0 open_fds=235 max_fds=256`
//   a Rust logger `2026-12-07T10:25:50Z INFO stats jobs_done=99 open_fds=202 max_fds=20000`
//   logfmt        `time=… level=info msg=stats events=12 open_fds=8 max_fds=20000`
//   a JVM's health check, logback's pattern and the MXBean's counts as a Map prints them:
//                 `2026-12-07 15:18:44.388 [health-check] INFO  c.e.healthd.HealthCheck - fd usage
//                 {openFileDescriptorCount=5, maxFileDescriptorCount=4096}`
//   a JSON record `{"time":"…","level":"INFO","msg":"stats","open_fds":156,"max_fds":256}` (slog, pino,
//                 winston: json-log-records.ts reads its time), the same keys as `"key":N` fields
// The count is a sample of the writer's fd count at the line's time (the writer named by the line's
// prefix when it has one, else the one process the bundle is about); a `max_fds` field beside it is
// its soft open-files limit, which it read from /proc/self/limits. A field of another process's or
// of a sum (`child_fds=`, `total_fds=`) is not one: only these keys are read.

/** The keys of the writer's own fd count. */
const COUNT_KEYS: ReadonlySet<string> = new Set([
  'open_fds',
  'fds_open',
  'num_fds',
  'fd_count',
  'open_fd_count',
  'process_open_fds',
  // The JVM's UnixOperatingSystemMXBean: its getter's property, and its JMX attribute's name.
  'openFileDescriptorCount',
  'OpenFileDescriptorCount',
]);
/** The keys of the writer's own open-files limit. */
const LIMIT_KEYS: ReadonlySet<string> = new Set([
  'max_fds',
  'fd_limit',
  'process_max_fds',
  'max_open_files',
  'maxFileDescriptorCount',
  'MaxFileDescriptorCount',
]);
/** `key=N`, a trailing comma allowed (`open_fds=235,`); a Java Map's toString around them, `{key=N, key=N}`. */
const FIELD = /^\{?([A-Za-z][A-Za-z_]{1,31})=(\d{1,9})[,}]?$/;
/** A JSON record's number field, `"open_fds":156` (a negative number, a failed count, is none). */
const JSON_FIELD = /"([a-z][a-z_]{1,31})":(\d{1,9})(?=[,}])/g;
/** Words of a line looked at: a stats line is short. */
const MAX_WORDS = 48;

/** The fd count (and limit, when printed) a log line's fields report as its writer's own; undefined for any other line. */
export function ownFdCountReport(text: string): { count: number; limit?: number } | undefined {
  if (text.length > 600) return undefined;
  const json = text.trimStart().startsWith('{"');
  if (!json && !text.includes('=')) return undefined;
  const fields = json
    ? [...text.matchAll(JSON_FIELD)].slice(0, MAX_WORDS)
    : text
        .trim()
        .split(/\s+/, MAX_WORDS)
        .map((w) => FIELD.exec(w));
  let count: number | undefined;
  let limit: number | undefined;
  for (const m of fields) {
    if (!m) continue;
    if (COUNT_KEYS.has(m[1])) {
      // Two counts on one line are two processes' or two kinds': not the writer's one count.
      if (count !== undefined) return undefined;
      count = Number(m[2]);
    } else if (LIMIT_KEYS.has(m[1])) limit = Number(m[2]);
  }
  if (count === undefined) return undefined;
  return limit !== undefined && limit > 0 && limit >= count ? { count, limit } : { count };
}
