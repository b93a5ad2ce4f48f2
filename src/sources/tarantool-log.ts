// Tarantool's own log prefix (say.c's plain format), in its log file or on stderr:
//   1.6   `2014-12-06 15:57:04.299 [8876] wal !> log_io_sync: dup() failed: Too many open files`
//   1.10  `2020-03-12 00:28:36.281 [4331] main/101/interactive xlog.c:1994 !> SystemError failed to open … file: Too many open files`
//   1.6   `2016-11-18 19:02:12.178 [6222] iproto sio.cc:251 !> SystemError accept, called on fd 12, aka 0.0.0.0:10006: Too many open files`
// The time with milliseconds, the writer's pid in brackets (getpid()), then the thread (cord) and
// fiber, maybe the source file and line, and the level as one letter before `> ` (F fatal, ! a
// system error with its errno, E, C, W, I, V, D). The program is not named. The thread is a name
// (`wal`, `iproto`, `main/101/…`), not a number: it says no tid.

const TARANTOOL_PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[([1-9]\d{0,8})\] [^\s>][^>\n]{0,200} [FCEWIVD!]> /;

/** The pid a Tarantool log prefix names; undefined for any other line. */
export function tarantoolLogPid(text: string): number | undefined {
  const m = TARANTOOL_PREFIX.exec(text);
  return m ? Number(m[1]) : undefined;
}
