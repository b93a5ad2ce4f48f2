// Host-wide facts that both the rules and the diagnosis read: how many TCP sockets the kernel
// holds outside any connection table, and how full the system file table is. Computed once here.
import type { EvidenceRef } from '../types.js';
import type { HostModel, Measured } from './host.js';
import { latest } from './build.js';
import { formatNumber as fmt } from '../format.js';
import { codeSpan } from '../rich.js';

/** `ss -s`: TCP sockets in no connection table ("closed"), when they are most of them. */
export interface SsClosed {
  /** Sockets in no connection table: ss's `closed` less its `timewait`, which `closed` includes. */
  closed: number;
  /** The `closed` ss printed. */
  printed: number;
  total: number;
  estab: number;
  /** closed (less time-wait) >= 200 and at least half of all TCP sockets. */
  many: boolean;
  ev: EvidenceRef[];
}

/** `/proc/net/sockstat`: TCP alloc against inuse (IPv4 + IPv6). */
export interface AllocGap {
  alloc: number;
  inuse: number;
  /** TCP6 inuse from /proc/net/sockstat6 (0 without it). */
  inuse6: number;
  gap: number;
  /** gap >= 200 and gap >= inuse: socket structures held by fds nobody connected or closed. */
  big: boolean;
  ev: EvidenceRef[];
}

export interface FileTable {
  allocated: number;
  /** file-nr's second number: allocated handles kept free for reuse (kernels before 2.6; 0 since). */
  unused: number;
  /** The handles open: allocated less the free ones. */
  inUse: number;
  max: number;
  /** inUse of max. */
  use: number;
  ev: EvidenceRef[];
}

export function ssClosed(model: HostModel): SsClosed | null {
  const c = latest(model.ssSummaries.filter((s) => s.data.tcp));
  const tcp = c?.data.tcp;
  if (!c || !tcp) return null;
  const hashed = c.data.transport.TCP;
  // ss.c prints closed = alloc - (hashed - timewait): its time-wait entries, which the kernel
  // keeps after both ends closed and no process holds, are in it; the sockets in no table are
  // the rest (a burst of 300 clients gone: `closed 348, … timewait 348` is none).
  const outside = Math.max(0, tcp.closed - tcp.timewait);
  return {
    closed: outside,
    printed: tcp.closed,
    total: tcp.total,
    estab: tcp.estab,
    many: outside >= 200 && outside >= tcp.total * 0.5,
    ev: [tcp.ev, ...(hashed ? [hashed.ev] : []), ...(c.data.total ? [c.data.total.ev] : [])],
  };
}

export function allocGap(model: HostModel): AllocGap | null {
  const c = latest(model.sockstat.filter((s) => s.data.protocols.TCP));
  const tcp = c?.data.protocols.TCP;
  if (!c || !tcp || tcp.fields.alloc === undefined || tcp.fields.inuse === undefined) return null;
  const { alloc, inuse } = tcp.fields;
  // alloc counts IPv6 TCP sockets too; their inuse is in sockstat6.
  const tcp6 = latest(model.sockstat6.filter((s) => s.data.protocols.TCP6))?.data.protocols.TCP6;
  const inuse6 = tcp6?.fields.inuse ?? 0;
  const gap = alloc - inuse - inuse6;
  const used = c.data.socketsUsed;
  // Sockets briefly sit outside the tables while being created or torn down; hundreds beyond
  // the connected ones do not.
  return {
    alloc,
    inuse,
    inuse6,
    gap,
    big: gap >= 200 && gap >= inuse + inuse6,
    ev: [tcp.ev, ...(tcp6 ? [tcp6.ev] : []), ...(used ? [used.ev] : [])],
  };
}

/** Sockets the kernel holds outside any connection table, host-wide: the larger of the two views. */
export function hostSocketGap(model: HostModel): { count: number; ev: EvidenceRef[]; basis: string } | null {
  const ss = ssClosed(model);
  const gap = allocGap(model);
  const fromSs = ss?.many
    ? {
        count: ss.closed,
        ev: ss.ev.slice(0, 1),
        basis: ss.printed === ss.closed ? 'ss -s, its "closed" count' : 'ss -s, its "closed" count less its time-wait',
      }
    : null;
  const fromSockstat = gap?.big ? { count: gap.gap, ev: gap.ev.slice(0, 1), basis: '/proc/net/sockstat, TCP alloc - inuse' } : null;
  if (fromSs && fromSockstat) return fromSs.count >= fromSockstat.count ? fromSs : fromSockstat;
  return fromSs ?? fromSockstat;
}

/**
 * Every TCP socket the kernel holds in no connection table, whatever its size: the larger of
 * `ss -s`'s closed and sockstat's alloc - inuse. alloc counts the sockets of every network
 * namespace, inuse those in the tables of the namespace read, so neither undercounts them.
 */
export function tcpOutsideTables(model: HostModel): { count: number; ev: EvidenceRef[]; basis: string } | null {
  const ss = ssClosed(model);
  const gap = allocGap(model);
  const views = [
    ...(ss
      ? [
          {
            count: ss.closed,
            ev: ss.ev.slice(0, 1),
            basis: `ss -s: ${fmt(ss.printed)} closed${ss.printed === ss.closed ? '' : `, ${fmt(ss.closed)} of them not in time-wait`}`,
          },
        ]
      : []),
    ...(gap ? [{ count: gap.gap, ev: gap.ev.slice(0, 1), basis: `/proc/net/sockstat: TCP alloc - inuse = ${fmt(gap.gap)}` }] : []),
  ];
  return views.reduce<(typeof views)[number] | null>((a, b) => (a === null || b.count > a.count ? b : a), null);
}

export function fileTable(model: HostModel): FileTable | null {
  const k = latest(model.kernel.filter((c) => c.data.fileNr));
  const nr = k?.data.fileNr;
  if (!k || !nr) return null;
  const max = k.data.fileMax?.value ?? nr.max;
  if (!(max > 0)) return null;
  // Before Linux 2.6 the kernel kept freed handles allocated, listed free (proc(5)): 3513 of
  // debian-isp's 4096 were free, 583 open. Since 2.6 the middle number is always 0.
  const unused = Math.min(Math.max(nr.unused, 0), nr.allocated);
  const inUse = nr.allocated - unused;
  return { allocated: nr.allocated, unused, inUse, max, use: inUse / max, ev: [nr.ev, ...(k.data.fileMax ? [k.data.fileMax.ev] : [])] };
}

/** What netstat showed of TCP: its rows (or state counts), else a `netstat ... | wc -l` count. */
export function netstatCount(model: HostModel): (Measured & { byState?: Record<string, number>; stateEv?: EvidenceRef[] }) | null {
  const listing = latest(model.netstat);
  const wc = model.toolLineCounts.filter((c) => c.tool === 'netstat').at(-1);
  if (listing) {
    const d = listing.data;
    const stateEv = Object.values(d.stateEvidence).filter((e): e is EvidenceRef => !!e);
    const ev = stateEv[0] ?? wc?.ev;
    if (ev) {
      return {
        value: d.tcpRows,
        ev,
        basis: d.variant === 'state-counts' ? `the state counts in ${listing.file}` : `TCP rows in ${listing.file}`,
        byState: d.byState as Record<string, number>,
        stateEv,
      };
    }
  }
  // Said inside parentheses ("netstat shows 881 (…)"): no parentheses of its own.
  if (wc) return { ...wc, basis: `lines of ${codeSpan(wc.basis)}, headers included` };
  return null;
}
