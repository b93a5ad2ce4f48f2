// TCP sockets a thread read to the end (`read(44<TCP:[127.0.0.1:7302->127.0.0.1:32850]>, "", 256) = 0`:
// the peer closed its end) and that no later line of the capture closes, while the thread went on
// with other calls: still open at its end, each is a socket in CLOSE_WAIT, caught as it was left. A
// read whose thread made no call after it may be closed by the next one, past the capture's end (a
// busy server's last connection, a window cut by `head`). Only strace -yy names a socket's protocol
// and endpoints on its fd; -y alone prints `socket:[N]`.
import type { EofKept } from './types.js';

/** At most this many such fds are followed at once (a process's fds are bounded by this too). */
const MAX_FOLLOWED = 4096;
/** The artifact keeps this many (its count says how many there were). */
const MAX_EOF_KEPT = 200;

export interface EofTracker {
  /** `fd` was read to its end by `tid`, the thread's `seen`-th line. */
  eof(tid: number, fd: number, line: number, text: string, peer: string, seen: number): void;
  /** fds `lo`..`hi` were closed, or handed out again (so closed by a call not traced). */
  closed(lo: number, hi?: number): void;
  /**
   * What was read to its end and not closed, by a thread that went on with other calls (`lines`:
   * how many lines each thread has), in line order; the total before the cap.
   */
  kept(lines: (tid: number) => number): { fds: EofKept[]; total: number };
}

export function createEofTracker(): EofTracker {
  const open = new Map<number, { kept: EofKept; seen: number }>();
  return {
    eof(tid, fd, line, text, peer, seen) {
      if (open.has(fd) || open.size < MAX_FOLLOWED) open.set(fd, { kept: { tid, fd, line, text, peer }, seen });
    },
    closed(lo, hi = lo) {
      if (hi - lo > MAX_FOLLOWED) {
        for (const fd of [...open.keys()]) if (fd >= lo && fd <= hi) open.delete(fd);
        return;
      }
      for (let fd = lo; fd <= hi; fd++) open.delete(fd);
    },
    kept(lines) {
      const all = [...open.values()]
        .filter((o) => lines(o.kept.tid) > o.seen)
        .map((o) => o.kept)
        .sort((a, b) => a.line - b.line);
      return { fds: all.slice(0, MAX_EOF_KEPT), total: all.length };
    },
  };
}

/** `TCP:[127.0.0.1:7302->127.0.0.1:32850]` (or `TCPv6:[…]`) → the peer's end, `127.0.0.1:32850`; null: not a TCP connection. */
export function tcpPeer(note: string): string | null {
  const m = /^TCP(?:v6)?:\[(.{1,200})\]$/.exec(note);
  if (!m) return null;
  const arrow = m[1].indexOf('->');
  return arrow === -1 ? null : m[1].slice(arrow + 2);
}
