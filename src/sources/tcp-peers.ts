// A process's connected TCP rows tallied by their remote end (address and port), for the
// `client-of-one-peer` signal: a client's connections to one server all end at the server's
// listening port, from as many local ports of its own; a server's accepted connections end at
// many peers. A remote end that is a wildcard (`*:*`, `0.0.0.0:*`, `:::*`) is a listener's, no peer.
import type { EvidenceRef } from '../types.js';

/** A TCP row's two ends as the listing prints them (`10.0.0.5:40122`, `[::1]:8080`, `::1:8080`). */
export interface TcpEnds {
  local: string;
  remote: string;
}

export interface PeerTally {
  rows: number;
  /** Its distinct local ports, up to the rows (a server's accepted rows to one peer share one). */
  localPorts: Set<string>;
  evidence: EvidenceRef[];
}

/** The rows of a process's top peer: the remote end most of its connected rows go to. */
export interface TopPeer {
  peer: string;
  rows: number;
  /** Distinct local ports among those rows. */
  localPorts: number;
  evidence: EvidenceRef[];
}

/** Distinct remote ends kept per process: a server's thousands of peers need none of them. */
const MAX_PEERS = 4096;
const EVIDENCE = 3;
/** A port as a listing prints it: a number, or its service's name without -n / -P (`https`, `postgresql`). */
const PORT = /^(?:\d{1,5}|[A-Za-z][\w-]{0,31})$/;

/** The port of an end (`addr:port`, the port after the last colon), or undefined (a wildcard, an unparsed end). */
function portOf(end: string): string | undefined {
  const colon = end.lastIndexOf(':');
  if (colon < 1 || end.length > 120) return undefined;
  const port = end.slice(colon + 1);
  return PORT.test(port) && end.slice(0, colon) !== '*' ? port : undefined;
}

/** One connected row into its owner's tally of remote ends. */
export function tallyPeer(peers: Map<string, PeerTally>, ends: TcpEnds, evidence: () => EvidenceRef): void {
  const remotePort = portOf(ends.remote);
  const localPort = portOf(ends.local);
  if (remotePort === undefined || localPort === undefined || remotePort === '0') return;
  let t = peers.get(ends.remote);
  if (!t) {
    if (peers.size >= MAX_PEERS) return;
    t = { rows: 0, localPorts: new Set(), evidence: [] };
    peers.set(ends.remote, t);
  }
  t.rows++;
  t.localPorts.add(localPort);
  if (t.evidence.length < EVIDENCE) t.evidence.push(evidence());
}

/** The remote end with the most distinct local ports (ties: the most rows), when one has two or more. */
export function topPeer(peers: ReadonlyMap<string, PeerTally>): TopPeer | undefined {
  let best: TopPeer | undefined;
  for (const [peer, t] of peers) {
    const ports = t.localPorts.size;
    if (ports < 2) continue;
    if (!best || ports > best.localPorts || (ports === best.localPorts && t.rows > best.rows))
      best = { peer, rows: t.rows, localPorts: ports, evidence: t.evidence };
  }
  return best;
}

/** A remote end of a listing's connected rows, and whose rows they are. */
export interface PeerRows {
  peer: string;
  rows: number;
  owners: { pid: number; rows: number }[];
}

/** Remote ends kept per listing, and the most of them reported. */
const MAX_ENDS = 4096;
const REPORTED_ENDS = 20;

/** One connected row with an owner into the listing's tally of remote ends. */
export function tallyRemoteEnd(ends: Map<string, Map<number, number>>, row: TcpEnds, pid: number): void {
  if (portOf(row.remote) === undefined || portOf(row.local) === undefined) return;
  let owners = ends.get(row.remote);
  if (!owners) {
    if (ends.size >= MAX_ENDS) return;
    owners = new Map();
    ends.set(row.remote, owners);
  }
  owners.set(pid, (owners.get(pid) ?? 0) + 1);
}

/** The remote ends with the most rows (at least two), their owners most rows first. */
export function remoteEndRows(ends: ReadonlyMap<string, ReadonlyMap<number, number>>): PeerRows[] {
  const out: PeerRows[] = [];
  for (const [peer, owners] of ends) {
    const list = [...owners].map(([pid, rows]) => ({ pid, rows })).sort((a, b) => b.rows - a.rows || a.pid - b.pid);
    const rows = list.reduce((n, o) => n + o.rows, 0);
    if (rows >= 2) out.push({ peer, rows, owners: list });
  }
  return out.sort((a, b) => b.rows - a.rows || a.peer.localeCompare(b.peer)).slice(0, REPORTED_ENDS);
}
