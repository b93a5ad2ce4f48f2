// The log prefix of ZLToolKit's logger (ZLMediaKit's MediaServer and the programs built on it), in
// its log files and on its console:
//   `2026-09-20 15:27:39.208 E [MediaServer] [76326-event poller 66] Socket.cpp:611 onAccept | Accept socket failed: too many open files`
// The time, the level letter (T D I W E), the program's name in brackets, then in brackets the
// writer's pid (getpid()) and its thread's name (`event poller 66`, `stamp thread`, a number when
// unnamed), then `FILE:LINE FUNCTION | ` and the message.

const ZLTOOLKIT_PREFIX =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? [TDIWE] \[([\w.-]{1,64})\] \[([1-9]\d{0,8})-[^\]\n]{1,64}\] [\w./-]{1,128}:\d{1,6} /;

/** The program and pid a ZLToolKit log line names; null for any other line. */
export function zlToolkitLogSource(text: string): { program: string; pid: number } | null {
  const m = ZLTOOLKIT_PREFIX.exec(text);
  return m ? { program: m[1], pid: Number(m[2]) } : null;
}
