// A process holding many connections as the client of one peer: its connected TCP rows (any state
// but LISTEN) that end at one remote address and port — the peer's listening port — from local
// ports of its own that vary. A server's accepted connections come from many peers to its own
// listening port, so they never count (a busy healthy server stays healthy). Live connections are
// no leak kind: a client that opens a connection per request (or a pool with no cap) and never
// closes it holds them until the peer times them out — or it keeps a legitimately large pool. It
// points at the process (weight 1, no kind) and says what would decide.
import { formatNumber as fmt } from '../../format.js';
import type { EvidenceRef } from '../../types.js';
import type { CaseFacts, Signal, SignalSource } from '../signal.js';
import { type PeerTally, tallyPeer, topPeer } from '../../sources/tcp-peers.js';

/** Half the usual default soft limit (1,024), as listed-kind-share reads a table large: the bar when its own limit is unknown. */
const MANY_TO_ONE_PEER = 512;
/** Or this share of its own limit. */
const LIMIT_SHARE = 0.5;

interface PeerPile {
  peer: string;
  count: number;
  how: string;
  evidence: EvidenceRef[];
}

/** lsof's TCP rows of a connection name both ends, `10.0.0.5:40122->10.0.0.9:443 (ESTABLISHED)`. */
const ARROW = '->';

/** Its lsof listings' connected TCP rows by remote end, each fd once (a thread's repeat of a row adds none). */
function lsofPiles(facts: CaseFacts, atLeast: number): PeerPile[] {
  const piles: PeerPile[] = [];
  for (const v of facts.process.fdViews) {
    // Fewer TCP rows than the bar hold no pile that reaches it.
    const tcpRows = (v.holder.byKind['socket-tcp'] ?? 0) + (v.holder.byKind['socket-unconnected'] ?? 0);
    if (v.tool !== 'lsof' || tcpRows < atLeast) continue;
    const peers = new Map<string, PeerTally>();
    const seen = new Set<string>();
    const list = v.holder.entries;
    // Only the kinds a row with a TCP state can be: a host's listing holds a million rows of others.
    for (const i of list.ofKind('socket-tcp', 'socket-unconnected')) {
      const state = list.state(i);
      if (state === undefined || state === 'LISTEN') continue;
      const fd = list.fd(i);
      if (seen.has(fd)) continue;
      const name = list.name(i);
      const at = name.indexOf(ARROW);
      if (at === -1) continue;
      seen.add(fd);
      const end = name.indexOf(' ', at);
      tallyPeer(peers, { local: name.slice(0, at), remote: name.slice(at + ARROW.length, end === -1 ? undefined : end) }, () => list.ev(i));
    }
    const top = topPeer(peers);
    if (top)
      piles.push({
        peer: top.peer,
        count: top.localPorts,
        how: `${fmt(top.localPorts)} of its lsof TCP rows in ${v.file} go to ${top.peer}, each from a local port of its own`,
        evidence: top.evidence,
      });
  }
  return piles;
}

/** Its largest pile of connections to one remote end, from its rows or from a count of them. */
function largestPile(facts: CaseFacts, atLeast: number): PeerPile | undefined {
  let best: PeerPile | undefined;
  for (const pile of lsofPiles(facts, atLeast)) if (!best || pile.count > best.count) best = pile;
  for (const c of facts.process.connections) {
    const rows = c.peer
      ? {
          peer: c.peer.peer,
          count: c.peer.localPorts,
          how: `${fmt(c.peer.localPorts)} of its connected TCP rows in ${c.file} go to ${c.peer.peer}, each from a local port of its own`,
          evidence: c.peer.evidence,
        }
      : undefined;
    const counted = c.peerCount
      ? { peer: c.peerCount.peer, count: c.peerCount.value, how: countedHow(c.peerCount), evidence: [c.peerCount.ev] }
      : undefined;
    for (const pile of [rows, counted]) if (pile && (!best || pile.count > best.count)) best = pile;
  }
  return best;
}

type PeerCount = NonNullable<CaseFacts['process']['connections'][number]['peerCount']>;

/** How a count says its connections to the peer: its own rows picked, or the peer's rows of which the shown ones are nearly all its. */
function countedHow(c: PeerCount): string {
  const counts = `\`${c.basis}\` counts ${fmt(c.counted ?? c.value)}`;
  if (!c.shown) return `${counts} of its rows to ${c.peer}`;
  const halved = c.counted !== undefined ? `, halved: a loopback connection is listed at both its ends` : '';
  return `${counts} rows of ${c.peer}${halved}; ${fmt(c.shown.rows)} of the ${fmt(c.shown.of)} rows to it the listing shows are its`;
}

/** The bar: half its own limit, else the usual default's half. */
function bar(facts: CaseFacts): { value: number; why: string } {
  const own = facts.fdLimit && !facts.fdLimit.assumed && facts.fdLimit.value !== null ? facts.fdLimit.value : undefined;
  return own === undefined
    ? { value: MANY_TO_ONE_PEER, why: `${fmt(MANY_TO_ONE_PEER)}, half the usual default limit of 1,024 (its own is not shown)` }
    : { value: Math.ceil(own * LIMIT_SHARE), why: `${fmt(Math.ceil(own * LIMIT_SHARE))}, half its own limit of ${fmt(own)}` };
}

export const onePeerSignals: SignalSource = ({ facts }): Signal[] => {
  const many = bar(facts);
  const pile = largestPile(facts, many.value);
  if (!pile || pile.count < many.value) return [];
  return [
    {
      id: 'client-of-one-peer',
      kind: null,
      weight: 1,
      count: pile.count,
      what: `connections to ${pile.peer}`,
      statement:
        `pid ${facts.process.pid} holds ${fmt(pile.count)} connections as the client of one peer, ${pile.peer} (${pile.how}; ` +
        `at least ${many.why}): a client that opens a connection per request (or a pool with no cap) and never closes it ` +
        'holds them until the peer times them out — or a legitimately large pool. Live connections are no leak kind; ' +
        'the count again later, its own limit and its fd listing would decide.',
      evidence: pile.evidence,
    },
  ];
};
