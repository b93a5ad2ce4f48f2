// ss rows of unix sockets that name no process (ss without -p, or not run as root) still say whose
// they are when they are bound to a path: a socket accepted on a listening unix socket takes its
// listener's address, so `u_str ESTAB … /var/run/nut/upssched.pipe 26045274 * 0` is a connection
// the server of that path accepted, and lsof names each socket of that server by the same path
// (`upssched 4005950 root 21u unix … /var/run/nut/upssched.pipe type=STREAM`). Those whose peer is
// gone (`* 0`) are the unix CLOSE_WAIT of that server (unix-peer-gone), tied to it when the bundle
// shows exactly one process holding sockets of that path.
import type { FdEntryList } from '../sources/fd-entries.js';
import type { HostModel, ProcessModel } from './host.js';
import { labelOf } from './processes.js';

/** lsof's NAME of a unix socket: its path, then (newer lsof) ` type=STREAM`, an endpoint, a state. */
export function unixSocketPath(name: string): string {
  const cut = name.indexOf(' ');
  return cut === -1 ? name : name.slice(0, cut);
}

function servesPath(list: FdEntryList, path: string): boolean {
  for (const i of list.ofKind('socket-unix')) if (unixSocketPath(list.name(i)) === path) return true;
  return false;
}

/** Ties each path's peer-gone rows to the one process whose fd listings show a socket of that path. */
export function tieUnixPeersGone(model: HostModel): void {
  for (const c of model.ssListings) {
    for (const gone of c.data.unownedPeerGone ?? []) {
      const servers: ProcessModel[] = [];
      for (const p of model.processes.values()) if (p.fdViews.some((v) => servesPath(v.holder.entries, gone.path))) servers.push(p);
      if (servers.length !== 1) continue;
      const p = servers[0];
      p.connections.push({
        rows: 0,
        byState: {},
        evidence: [],
        file: c.file,
        unixPeerGone: { count: gone.count, evidence: gone.evidence },
        tiedBy: `these rows name no process; they are bound to ${gone.path}, and ${labelOf(p)} is the only process whose fd listing shows a socket of that path`,
      });
    }
  }
}
