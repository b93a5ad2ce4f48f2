// Chromium's logging prefix (base/logging.cc), which every program built on it prints on stderr or
// in its log file: Chrome and Chromium (headless too, under Puppeteer, Playwright, Selenium),
// Electron apps, CEF hosts, naiveproxy. With the process and thread ids on (Linux's default):
//   `[15591:15621:1112/103047:ERROR:socket_posix.cc(78)] CreatePlatformSocket() returned an error, errno=24: Too many open files`
//   `[15591:15591:1112/103125:ERROR:ipc_channel_posix.cc(213)] socketpair(): Too many open files`
//   `[1234:5678:0601/153315.018654:ERROR:net/socket/socket_posix.cc:194] …` (microseconds; newer builds print `path:line`)
// The fields are pid, tid, MMDD/HHMMSS[.usec], an optional tick count, the level (INFO, WARNING,
// ERROR, FATAL, VERBOSEn) and the source file with its line. The first number is the writer's pid
// (getpid()); the second its thread. Where only the process id is on (macOS's default and Electron's
// on Linux), the prefix holds one id, the pid:
//   `[3207:0316/191049:FATAL:platform_channel_pair_posix.cc(40)] Check failed: socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0. : Too many open files`
// Without the ids (`[0601/153315.018654:ERROR:…]`) no pid is named.

const CHROMIUM_PREFIX =
  /^\[([1-9]\d{0,8}):(?:(\d{1,9}):)?\d{4}\/\d{6}(?:\.\d{1,6})?:(?:\d{1,20}:)?(?:INFO|WARNING|ERROR|FATAL|VERBOSE\d{0,2}):[\w./-]{1,256}(?:\(\d{1,7}\)|:\d{1,7})\] /;
/** The same prefix with or without the ids: who wrote the line and when, never its message. */
const CHROMIUM_HEADER =
  /^\[(?:\d{1,9}:(?:\d{1,9}:)?)?\d{4}\/\d{6}(?:\.\d{1,6})?:(?:\d{1,20}:)?(?:INFO|WARNING|ERROR|FATAL|VERBOSE\d{0,2}):[\w./-]{1,256}(?:\(\d{1,7}\)|:\d{1,7})\] /;

/** The pid and thread id a Chromium log prefix names (no tid where it names only the pid); null for any other line. */
export function chromiumLogSource(text: string): { pid: number; tid?: number } | null {
  const m = CHROMIUM_PREFIX.exec(text);
  if (!m) return null;
  return m[2] === undefined ? { pid: Number(m[1]) } : { pid: Number(m[1]), tid: Number(m[2]) };
}

/** A Chromium log line's message: what follows its prefix (`[…:ERROR:socket_posix.cc:194] msg` → `msg`); other text as it is. */
export function afterChromiumHeader(text: string): string {
  const m = CHROMIUM_HEADER.exec(text);
  return m ? text.slice(m[0].length) : text;
}
