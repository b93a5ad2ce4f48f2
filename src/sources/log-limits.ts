// A program's own report, in its log, of the open-files limit it runs under — what it read with
// getrlimit, so the process's own limit, as /proc/PID/limits would show it:
//   conmand        `INFO:      Open file limit set to 1024`
//   PgBouncer      `LOG kernel file descriptor limit: 1024 (hard: 4096); max_client_conn: 1000, …`
//   Elasticsearch  `max file descriptors [4096] for elasticsearch process likely too low, …`
//   Redis          `25897:M 25 Nov 07:26:35.713 # Current maximum open files is 1024. maxclients has
//                  been reduced to 992 to compensate for low ulimit. …` (adjustOpenFilesLimit, when it
//                  cannot raise its soft limit; KeyDB and Valkey print it too)
//   mongod         its startup warning, in its JSON log (4.4+: `"msg":"Soft rlimits for open file
//                  descriptors too low","attr":{"currentValue":1024,"recommendedMinimum":64000}`,
//                  4.4's `"msg":"Soft rlimits too low"`), in its text log before 4.4 (`** WARNING: soft
//                  rlimits too low. Number of files is 1024, should be at least 1000`), and as mongosh
//                  shows it on connecting, the value on the line under the warning:
//                    `   2023-08-28T05:11:12.730+00:00: Soft rlimits for open file descriptors too low`
//                    `   2023-08-28T05:11:12.730+00:00:         currentValue: 1024`
// A report of the shell's or the host's limit (`ulimit -n is 1024`, fs.file-max) is not one.

const REPORTS: readonly RegExp[] = [
  /\bOpen file limit set to (\d{1,15})\b/,
  /\bkernel file descriptor limit: (\d{1,15}) \(hard: (\d{1,15})\)/,
  /\bmax file descriptors \[(\d{1,15})\] for elasticsearch process\b/,
  /\bCurrent maximum open files is (\d{1,15})\. maxclients has been reduced\b/,
  /"msg":"Soft rlimits (?:for open file descriptors )?too low","attr":\{"currentValue":(\d{1,15})\b/,
  /\bsoft rlimits too low\. Number of files is (\d{1,15})\b/,
];
/** mongosh's line of one of mongod's startup warnings: the warning's ISO time, indented, then `: `. */
export const MONGOSH_WARNING = /^\s{0,16}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d): /;
const MONGOSH_RLIMITS = /: Soft rlimits (?:for open file descriptors )?too low\s*$/;
const MONGOSH_CURRENT = /: {1,32}currentValue: (\d{1,15})\s*$/;

/**
 * The soft (and, when printed, hard) open-files limit a log line reports as its writer's own;
 * `prev`, the line above it, for a report printed over two lines (mongosh's).
 */
export function ownLimitReport(text: string, prev = ''): { soft: number; hard?: number } | undefined {
  if (MONGOSH_WARNING.test(text) && MONGOSH_WARNING.test(prev) && MONGOSH_RLIMITS.test(prev)) {
    const m = MONGOSH_CURRENT.exec(text);
    const soft = m ? Number(m[1]) : 0;
    return soft > 0 ? { soft } : undefined;
  }
  for (const re of REPORTS) {
    const m = re.exec(text);
    if (!m) continue;
    const soft = Number(m[1]);
    if (soft <= 0) return undefined;
    return m[2] !== undefined && Number(m[2]) >= soft ? { soft, hard: Number(m[2]) } : { soft };
  }
  return undefined;
}
