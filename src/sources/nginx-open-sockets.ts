// nginx's own report, when a worker process exits, of every connection that still holds an fd
// (ngx_worker_process_exit, src/os/unix/ngx_process_cycle.c): the connection's number, its fd, its
// slot. nginx closes each connection it finishes with; one still open at exit was never closed —
// a module that kept a request or an upstream connection (OpenResty, Tengine and Angie print the same):
//   2021/02/13 10:17:53 [alert] 31891#31891: *330 open socket #37 left in connection 8
//   2021/02/13 10:17:53 [alert] 31891#31891: aborting
// The worker's pid is the first number of `pid#tid`.
import type { EvidenceRef } from '../types.js';
import { ref } from '../types.js';

/** `[alert] 31891#31891: *330 open socket #37 left in connection 8`: one fd of a connection never closed. Linear, bounded repeats. */
const LEFT_OPEN = /\[alert\] (\d{1,10})#\d{1,10}: \*\d{1,20} open socket #(\d{1,10}) left in connection \d{1,10}/;
/** Rows kept as evidence per worker. */
const EVIDENCE = 5;
/** Workers kept per log. */
export const MAX_WORKERS = 1000;

/** The sockets one nginx worker left open at its exit. */
export interface NginxOpenSockets {
  pid: number;
  count: number;
  /** The first few fds, as the lines name them. */
  fds: number[];
  evidence: EvidenceRef[];
}

/** The worker and fd one line reports, or null. */
export function nginxOpenSocketLeft(text: string): { pid: number; fd: number } | null {
  if (!text.includes(' left in connection ')) return null;
  const m = LEFT_OPEN.exec(text);
  return m ? { pid: Number(m[1]), fd: Number(m[2]) } : null;
}

/** Adds a line's report to the workers' tallies (in place); false when the line is none. */
export function addNginxOpenSocket(into: NginxOpenSockets[], text: string, file: string, line: number): boolean {
  const left = nginxOpenSocketLeft(text);
  if (!left) return false;
  let w = into.find((x) => x.pid === left.pid);
  if (!w) {
    if (into.length >= MAX_WORKERS) return true;
    w = { pid: left.pid, count: 0, fds: [], evidence: [] };
    into.push(w);
  }
  w.count++;
  if (w.evidence.length < EVIDENCE) {
    w.fds.push(left.fd);
    w.evidence.push(ref(file, line, text));
  }
  return true;
}
