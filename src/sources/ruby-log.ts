// The pid the log formats of Ruby's stdlib and of Ruby's job runners print in every record (the
// writer is not named):
//   Logger     `E, [2019-02-09T02:36:48.280051 #17304] ERROR -- : Errno::EMFILE: Too many open files - accept(2)`
//              Ruby's `Logger::Formatter` (`"%s, [%s #%d] %5s -- %s: %s\n"`: level letter, time,
//              `#` and Process.pid, the level right-aligned in five, the progname, often empty) —
//              the default of Rails, Puma's and Unicorn's loggers, Resque's, AnyCable's.
//   Sidekiq    `2016-01-13T13:42:28Z 489 TID-4p5zg ERROR: Error fetching message: Too many open files - getaddrinfo`
//              Sidekiq before 6 (and Shoryuken, which copied it): the UTC time, Process.pid, the
//              thread's `TID-…`, maybe a job's class and `JID-…`, then the level and a colon.
//              Sidekiq 6 and 7 print the pid as `pid=811` after the time, then `tid=…`:
//              `2022-04-21T15:18:51.667Z pid=811 tid=mpa77 class=… INFO: done`,
//              `WARN  2026-06-11T14:28:07.155Z pid=1311742 tid=s4yu: …` (its level first).
// `TID-`/`tid=` is a Ruby thread's id (an object id in base 36), never an OS thread.

const LOGGER = /^[DIWEFA], \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})? #([1-9]\d{0,8})\] {1,4}(?:DEBUG|INFO|WARN|ERROR|FATAL|ANY) -- /;
const SIDEKIQ_LEGACY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z ([1-9]\d{0,8}) TID-\w{1,32}[ :]/;
const SIDEKIQ =
  /^(?:(?:DEBUG|INFO|WARN|ERROR|FATAL) {1,4})?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z pid=([1-9]\d{0,8}) tid=\w{1,32}[ :]/;

/** The pid a Ruby Logger or Sidekiq-style log record prints; undefined for any other line. */
export function rubyLogPid(text: string): number | undefined {
  const m = LOGGER.exec(text) ?? SIDEKIQ_LEGACY.exec(text) ?? SIDEKIQ.exec(text);
  return m ? Number(m[1]) : undefined;
}
