// ss rows of unix sockets that name no process (ss without -p, or not run as root) still say whose
// they are when they are bound to a path: a socket accepted on a listening unix socket takes its
// listener's address, so `u_str ESTAB … /var/run/nut/upssched.pipe 26045274 * 0` is a connection
// the server of that path accepted, and lsof names each socket of that server by the same path
// (`upssched 4005950 root 21u unix … /var/run/nut/upssched.pipe type=STREAM`). Those whose peer is
// gone (`* 0`) are the unix CLOSE_WAIT of that server (unix-peer-gone), tied to it when the bundle
// shows exactly one process holding sockets of that path.
import type { HostModel, ProcessModel } from './host.js';
import { labelOf } from './processes.js';

/** lsof's NAME of a unix socket: its path, then (newer lsof) ` type=STREAM`, an endpoint, a state. */
export function unixSocketPath(name: string): string {
  const cut = name.indexOf(' ');
  return cut === -1 ? name : name.slice(0, cut);
}

/** path → the processes whose fd listings show a unix socket of it, for the paths asked; one pass over the listings. */
function serversOf(model: HostModel, paths: ReadonlySet<string>): Map<string, Set<ProcessModel>> {
  const servers = new Map<string, Set<ProcessModel>>();
  for (const p of model.processes.values()) {
    for (const v of p.fdViews) {
      const list = v.holder.entries;
      for (const i of list.ofKind('socket-unix')) {
        const path = unixSocketPath(list.name(i));
        if (!paths.has(path)) continue;
        let set = servers.get(path);
        if (!set) servers.set(path, (set = new Set()));
        set.add(p);
      }
    }
  }
  return servers;
}

/** Ties each path's peer-gone rows to the one process whose fd listings show a socket of that path. */
export function tieUnixPeersGone(model: HostModel): void {
  const paths = new Set(model.ssListings.flatMap((c) => (c.data.unownedPeerGone ?? []).map((g) => g.path)));
  if (paths.size === 0) return;
  const servers = serversOf(model, paths);
  for (const c of model.ssListings) {
    for (const gone of c.data.unownedPeerGone ?? []) {
      const holders = servers.get(gone.path);
      if (holders?.size !== 1) continue;
      const [p] = holders;
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
