// Sockets an fd listing found in no connection table that a connection listing of the same process
// places in one. lsof (and `ls -l /proc/PID/fd` read against /proc/net/tcp) looks a socket up in
// the tables of its own network namespace: a process in another one (a pod's, `unshare -n`) shows
// every socket, listening and connected alike, as `sock … protocol: TCP`. `nsenter -t PID -n ss
// -tanp` reads that namespace's tables with the host's pids, and its `users:(("java",pid=25224,fd=20))`
// names the fd: that fd is a socket in a table, in the state its row says.
import type { FdView, ProcessModel } from './host.js';

/** An fd column's number: lsof's `20u`, `20`; none for lsof's cut `*040u` or a non-fd row (`cwd`). */
const FD_NUMBER = /^(\d{1,9})[rwu]?$/;

/** The fd numbers the process's TCP rows of connection listings (ss -p) name. */
export function tcpFdsInTables(p: ProcessModel): ReadonlySet<number> {
  const out = new Set<number>();
  for (const c of p.connections) for (const fd of c.tcpFds ?? []) out.add(fd);
  return out;
}

/** How many of the view's sockets in no table the process's connection rows place in a table. */
export function placedUnidentified(view: FdView, placed: ReadonlySet<number>): number {
  if (placed.size === 0) return 0;
  const list = view.holder.entries;
  let n = 0;
  for (const i of list.ofKind('socket-unconnected')) {
    const m = FD_NUMBER.exec(list.fd(i));
    if (m && placed.has(Number(m[1]))) n++;
  }
  return n;
}
