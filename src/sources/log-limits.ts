// A program's own report, in its log, of the open-files limit it runs under — what it read with
// getrlimit, so the process's own limit, as /proc/PID/limits would show it:
//   conmand        `INFO:      Open file limit set to 1024`
//   PgBouncer      `LOG kernel file descriptor limit: 1024 (hard: 4096); max_client_conn: 1000, …`
//   Elasticsearch  `max file descriptors [4096] for elasticsearch process likely too low, …`
//   Redis          `25897:M 25 Nov 07:26:35.713 # Current maximum open files is 1024. maxclients has
//                  been reduced to 992 to compensate for low ulimit. …` (adjustOpenFilesLimit, when it
//                  cannot raise its soft limit; KeyDB and Valkey print it too)
// A report of the shell's or the host's limit (`ulimit -n is 1024`, fs.file-max) is not one.

const REPORTS: readonly RegExp[] = [
  /\bOpen file limit set to (\d{1,15})\b/,
  /\bkernel file descriptor limit: (\d{1,15}) \(hard: (\d{1,15})\)/,
  /\bmax file descriptors \[(\d{1,15})\] for elasticsearch process\b/,
  /\bCurrent maximum open files is (\d{1,15})\. maxclients has been reduced\b/,
];

/** The soft (and, when printed, hard) open-files limit a log line reports as its writer's own. */
export function ownLimitReport(text: string): { soft: number; hard?: number } | undefined {
  for (const re of REPORTS) {
    const m = re.exec(text);
    if (!m) continue;
    const soft = Number(m[1]);
    if (soft <= 0) return undefined;
    return m[2] !== undefined && Number(m[2]) >= soft ? { soft, hard: Number(m[2]) } : { soft };
  }
  return undefined;
}
