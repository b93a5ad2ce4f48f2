// Redis's own log prefix (server.c serverLogRaw), printed by redis-server and by its forks KeyDB
// and Valkey, in their log file or on stdout:
//   Redis 3+   `1:M 05 Jan 2023 23:16:20.414 # Error accepting a client connection: accept: Too many open files`
//   KeyDB      `2932708:2932723:S 05 Jan 2023 23:16:20.414 # Accepting client connection: accept: Too many open files`
//   Redis 3-5  `25897:M 25 Nov 07:26:35.713 # Current maximum open files is 1024. …` (no year before 6.0)
// The first number is the writer's pid (getpid()); KeyDB adds its thread id after it. The role
// letter is M (master), S (replica), C (a forked child: its own pid) or X (sentinel); the mark
// after the time is the level (`.` debug, `-` verbose, `*` notice, `#` warning). The program is
// not named.

const REDIS_PREFIX = /^([1-9]\d{0,8}):(?:(\d{1,9}):)?[MSCX] \d{1,2} [A-Z][a-z]{2}(?: \d{4})? \d\d:\d\d:\d\d(?:\.\d{1,6})? [.*#-] /;

/** The pid (and KeyDB's thread id) a Redis-family log prefix names; null for any other line. */
export function redisLogSource(text: string): { pid: number; tid?: number } | null {
  const m = REDIS_PREFIX.exec(text);
  if (!m) return null;
  return m[2] !== undefined ? { pid: Number(m[1]), tid: Number(m[2]) } : { pid: Number(m[1]) };
}

// The ASCII logo Redis prints at start (asciilogo.h), in its log file or on stdout, beside its
// version, mode, port, pid and site:
//        _.-``    `.  `_.  ''-._           Redis 3.0.3 (00000000/0) 32 bit
//    |`-._`-...-` __...-.``-._|'` _.-'|     Port: 6379
// Art of `_ . - `` ' \ / | * ( ) ,` and spaces only, with one of those texts after it.
const LOGO_TEXT = /^(?:Redis [ -~]{1,80}|Running in [a-z]{1,20} mode|Port: \d{1,5}|PID: \d{1,9}|https?:\/\/redis\.io)$/;
const LOGO_ART = /^[ _.`'\\/|*(),-]{1,120}$/;
const MAX_LOGO_LINE = 200;

/** A line of Redis's start-up logo: no record, part of its log. */
export function redisLogoLine(line: string): boolean {
  const text = line.trimEnd();
  if (text.length > MAX_LOGO_LINE) return false;
  // The text sits after the blanks that end the art (its own words are one blank apart).
  const gap = text.lastIndexOf('  ');
  const art = gap >= 0 && LOGO_TEXT.test(text.slice(gap).trimStart()) ? text.slice(0, gap) : text;
  return LOGO_ART.test(art) && /[_`]/.test(art);
}
