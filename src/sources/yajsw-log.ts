// YAJSW, the Java service wrapper, relays its application's output into its own log, each line
// behind `LEVEL|PID/RESTARTS|Service NAME|YY-MM-DD HH:MM:SS|`:
//   Traccar   `FINEST|1911/0|Service traccar|17-05-02 18:07:52|java.io.IOException: Too many open files`
// PID is the application's (the wrapper's own lines say `wrapper` there), RESTARTS how often the
// wrapper restarted it; the level is java.util.logging's. Tanuki's wrapper prints a JVM's number
// instead (`INFO   | jvm 1    | 2016/08/09 17:57:26 | …`), no pid.

const YAJSW_PREFIX =
  /^(?:FINEST|FINER|FINE|CONFIG|INFO|WARNING|SEVERE)\|([1-9]\d{0,8})\/\d{1,6}\|[^|\n]{1,128}\|\d\d-\d\d-\d\d \d\d:\d\d:\d\d\|/;

/** The application's pid and where its own text starts, for a line YAJSW relayed; null for any other line. */
export function yajswRelay(line: string): { pid: number; rest: number } | null {
  const m = YAJSW_PREFIX.exec(line);
  return m ? { pid: Number(m[1]), rest: m[0].length } : null;
}
