// What the process's fds are: a pile of one kind that a healthy program does not accumulate.
// Sources: lsof (columns, -F), lsfd, ls -l /proc/PID/fd (partial listings too), fd snapshots,
// `lsof -p PID | grep sock | wc -l` counts, ss/netstat rows with a process column.
import { dedupeRefs, type EvidenceRef } from '../../types.js';
import { UNNAMED_PID, type FdKind } from '../../sources/artifacts.js';
import type { FdEntryList } from '../../sources/fd-entries.js';
import type { LeakKind } from '../../result.js';
import { fdCountText, formatNumber as fmt } from '../../format.js';
import { limitExplainsRunningOut, share, type Signal, type SignalSource, type Weight } from '../signal.js';
import type { CaseFacts } from '../signal.js';
import { rowFilters } from '../pipeline.js';
import { lsofSelection } from '../../command-words.js';
import { tcpOutsideTables } from '../host-facts.js';
import type { FdView, HostModel } from '../host.js';
import { countQuoted, countRefs, countedAs, countedOfKind, lsofRowsOfKind } from '../row-counts.js';
import { filesOpenByDesign, sharedPlace } from './places.js';
import { eventLoops } from './event-loops.js';
import { PILES } from '../piles.js';
import { HEALTHY_USE, holdsHalfItsLimit } from './fd-limit.js';
import { netlinkSockets, tracerObjects } from './special-fds.js';
import { filePile, sameFile } from './same-file.js';
import { ranOut } from './exhaustion.js';
import { maxOf, mostCounted } from '../../many-values.js';
import { deletedFiles, renamedAway } from './deleted-files.js';
import { fdsClimbClearly } from './fd-growth.js';
import { placedUnidentified, tcpFdsInTables } from '../placed-sockets.js';
import { regularFilesHeld } from './regular-files.js';

const UNCONNECTED_GREP = /identify protocol|protocol: |sock/i;

/** A partial listing's make-up: at least this many fds of one kind, this share of those listed. */
/**
 * An excerpt stands for a pile only when the process holds at least `holds` fds (a count, or its
 * highest fd number): a handful of log files on fds 1-12 is no pile, whatever their share.
 */
const LISTED_SHARE = { min: 3, share: 0.5, holds: 50, sampleOf: 10, bigCount: 1000 } as const;

/**
 * `shown` fds are a sample of a large table: the process holds ten times as many, and many fds —
 * 1,000, or half its limit (half the usual default soft limit when its limit is unknown).
 */
export function sampleOfMany(f: CaseFacts, shown: number): boolean {
  const size = f.fdCount?.value ?? 0;
  return size >= shown * LISTED_SHARE.sampleOf && (size >= LISTED_SHARE.bigCount || holdsHalfItsLimit(f));
}

export const fdKindSignals: SignalSource = ({ model, facts }) => {
  const found = [
    unconnected(facts, model),
    closeWait(facts),
    unixPeerGone(facts),
    deletedFiles(facts),
    renamedAway(facts),
    sameFile(facts),
    filePile(facts),
    ...piles(facts),
  ].filter((s): s is Signal => s !== null);
  if (!found.some((s) => s.id === 'socket-pile')) {
    const links = socketLinksExcerpt(facts);
    if (links) found.push(links);
  }
  const files = regularFilesHeld(facts, found);
  if (files) found.push(files);
  const share = listedShare(facts, found, model);
  // The share speaks of the same rows as a weak signal of its kind, and says more (a sample of how
  // many); a weak signal read off other rows (ss's peer-gone rows beside an lsof excerpt) stays.
  const view = facts.bestView;
  return share && view
    ? [
        ...found.filter((s) => !(s.kind === share.kind && s.weight === 1 && readOffListing(s.evidence, view.file, view.holder.entries))),
        share,
      ]
    : found;
};

/** Every line a signal cites is a row of the listing in `file`: the same rows, not a fact of others. */
export function readOffListing(evidence: readonly EvidenceRef[], file: string, list: FdEntryList): boolean {
  if (evidence.some((e) => e.file !== file || e.line === undefined)) return false;
  const cited = new Set(evidence.map((e) => e.line));
  for (let i = 0; i < list.length && cited.size > 0; i++) cited.delete(list.line(i));
  return cited.size === 0;
}

/**
 * Whether `count` sockets a tool found in no connection table can be sockets in no table. lsof
 * (and /proc/net/tcp read by fdleak collect) looks a socket up in the tables of its own network
 * namespace: a connection of another namespace is found in none. The kernel counts every TCP
 * socket in no table, in any namespace (ss -s, sockstat): when it counts fewer, the rows are not
 * sockets in no table, and which of them, if any, are, nothing says. The counts are taken at
 * other moments than the listing: they bound it only while the process's fd count stays flat.
 */
function foundInNoTable(f: CaseFacts, model: HostModel, count: number): boolean {
  const host = tcpOutsideTables(model);
  return host === null || host.count >= count || f.growth?.flat !== true;
}

/** The most sockets in no connection table one source shows the process holding, from the weak level on. */
function unconnectedRows(f: CaseFacts): { count: number; where: string; evidence: EvidenceRef[] } | undefined {
  const p = f.process;
  // A socket whose fd an ss -p row of the process names is in a table, whatever the listing found.
  const placed = tcpFdsInTables(p);
  const best = mostCounted([
    ...p.fdViews.map((v) => ({
      count: v.holder.unidentifiedSockets - placedUnidentified(v, placed),
      where: v.file,
      evidence: v.holder.samples.unidentified.slice(0, 5),
    })),
    // Snapshots tell unconnected sockets apart by their absence from /proc/net/{tcp,udp,unix}.
    ...p.snapshots
      .slice(-1)
      .map((s) => ({ count: s.byKind['socket-unconnected'] ?? 0, where: `the snapshot at ${s.at}`, evidence: [s.ev] })),
    // lsof's rows of a socket in no table say `sock` / "can't identify protocol"; every socket link of
    // `ls -l /proc/PID/fd` says `socket:[N]`, connected or not: its grep counts sockets of any type.
    ...p.pipelineCounts
      // A `grep -v` for those words keeps every other row: the count is of the rest.
      .filter((c) => c.tool !== 'ls' && c.grep.some((g) => !g.startsWith('!') && UNCONNECTED_GREP.test(g)))
      .map((c) => ({ count: c.value, where: countQuoted(c), evidence: countRefs(c) })),
  ]);
  return best && best.count >= PILES.unconnected.weak ? best : undefined;
}

function unconnected(f: CaseFacts, model: HostModel): Signal | null {
  const best = unconnectedRows(f);
  if (!best || !foundInNoTable(f, model, best.count)) return null;
  const decisive = best.count >= PILES.unconnected.decisive && share(best.count, f.fdCount?.value) >= PILES.unconnected.decisiveShare;
  const samples = f.process.fdViews.flatMap((v) => v.holder.samples.unidentified).slice(0, 3);
  return {
    id: 'unconnected-sockets',
    kind: 'socket-unconnected',
    weight: decisive ? 3 : 1,
    count: best.count,
    statement: `${countOf(best.count, f)} are sockets in no connection table (${best.where}): created and never connected, or never closed after a failure.`,
    evidence: dedupeRefs([...best.evidence, ...samples]),
  };
}

/** Rows shown as sockets in no table that the kernel's own count says are not (see foundInNoTable): what the report says of them. */
export function unconnectedSetAside(f: CaseFacts, model: HostModel): { statement: string; evidence: EvidenceRef[] } | null {
  const best = unconnectedRows(f);
  const host = tcpOutsideTables(model);
  if (!best || !host || foundInNoTable(f, model, best.count)) return null;
  return {
    statement:
      `${fmt(best.count)} fds (${best.where}) are sockets lsof finds in no connection table, but the kernel counts ${fmt(host.count)} TCP sockets in no table (${host.basis}) ` +
      'and the fd count is steady: they are not sockets left unconnected, most likely connections in another network namespace, whose tables lsof cannot read.',
    evidence: dedupeRefs([...best.evidence.slice(0, 2), ...host.ev]),
  };
}

/** An lsof view of a process that shows only rows repeated per thread (its TID column set), none of its own. */
function onlyThreadRows(v: CaseFacts['process']['fdViews'][number]): boolean {
  return v.tool === 'lsof' && v.holder.threadRows > 0 && v.holder.threadRows >= v.holder.rows;
}

function closeWait(f: CaseFacts): Signal | null {
  const p = f.process;
  const best = mostCounted<{ count: number; tcp?: number; where: string; evidence: EvidenceRef[]; lsofRows?: true }>([
    ...p.fdViews.map((v) => ({
      count: v.holder.closeWait,
      // lsof prints a process's own rows before any thread's: rows of its threads alone are a piece
      // picked out of the listing (a grep, a cut), which shows none of its other TCP sockets.
      tcp: onlyThreadRows(v) ? undefined : v.holder.byKind['socket-tcp'],
      where: v.file,
      evidence: v.holder.samples.closeWait.slice(0, 5),
    })),
    // Rows grep'd for their state show none of its other TCP sockets: no share of them.
    ...p.connections.map((c) => ({
      count: c.byState.CLOSE_WAIT ?? 0,
      tcp: c.pickedByState ? undefined : c.rows,
      where: c.file,
      evidence: c.evidence.slice(0, 5),
    })),
    ...countedAs(f.process, /close.?wait/i),
  ]);
  if (!best || best.count < PILES.closeWait.weak) return null;
  // Most of its connections dead ones it never closed: a healthy server's are mostly live.
  const mostly = best.count >= PILES.closeWait.mostly && best.tcp !== undefined && best.count >= best.tcp * PILES.closeWait.mostlyShare;
  return {
    id: 'close-wait-sockets',
    kind: 'socket-close-wait',
    weight: best.count >= PILES.closeWait.decisive || mostly ? 3 : 1,
    count: best.count,
    statement:
      `${fmt(best.count)} ${mostly && best.tcp !== best.count ? `of its ${fmt(best.tcp!)} TCP sockets are` : best.lsofRows ? 'lsof rows of TCP sockets' : 'TCP sockets'} in CLOSE_WAIT (${best.where}${best.lsofRows ? '; a thread may repeat a row' : ''}): ` +
      'the peer closed each connection, this process never did.',
    evidence: best.evidence,
  };
}

/**
 * Connected unix sockets whose peer is gone. When they are every unix socket its rows show and the
 * process holds far more fds than that (ss -p's fd numbers), the rows are a sample of its fds, as
 * an excerpt of a listing is (listed-kind-share).
 */
function unixPeerGone(f: CaseFacts): Signal | null {
  const best = mostCounted(
    f.process.connections.flatMap((c) =>
      c.unixPeerGone
        ? [
            {
              count: c.unixPeerGone.count,
              shown: c.sockets?.unix ?? 0,
              where: c.tiedBy ? `${c.file}; ${c.tiedBy}` : c.file,
              evidence: c.unixPeerGone.evidence.slice(0, 5),
            },
          ]
        : [],
    ),
  );
  if (!best || best.count < PILES.unixPeerGone.weak) return null;
  const size = f.fdCount?.value ?? 0;
  const sample = best.count === best.shown && sampleOfMany(f, best.shown);
  return {
    id: 'unix-peer-gone',
    kind: 'socket-unix',
    weight: best.count >= PILES.unixPeerGone.decisive ? 3 : sample ? 2 : 1,
    count: best.count,
    statement:
      `${fmt(best.count)} connected unix-domain sockets whose peer is gone (${best.where}: peer \`* 0\`): the other end closed, this process never did` +
      (sample ? `; they are every unix socket its rows show, of ${fdCountText(size, f.fdCount?.measure)} it holds.` : '.'),
    evidence: best.evidence,
  };
}

const PILE_KINDS: { kind: FdKind; leak: LeakKind; what: string; listed?: 'udp' | 'unix' }[] = [
  { kind: 'pipe', leak: 'pipe', what: "pipes (a child process's stdin/stdout, or a pipe() never closed)" },
  {
    kind: 'anon',
    leak: 'anon-inode',
    what: 'anonymous inodes (eventfd, epoll, inotify, timerfd, signalfd, pidfd, io_uring, perf events, BPF objects)',
  },
  { kind: 'socket-udp', leak: 'socket-udp', what: 'UDP sockets', listed: 'udp' },
  { kind: 'socket-unix', leak: 'socket-unix', what: 'unix-domain sockets', listed: 'unix' },
  { kind: 'socket-other', leak: 'other', what: 'sockets of a type the listing does not show' },
];

/** A kind that fills most of the process's fds: counted in its fd listing, or in ss -p / netstat -p rows. */
function piles(f: CaseFacts): Signal[] {
  const total = f.fdCount?.value ?? sum(f.kinds);
  const out: Signal[] = [];
  const udpOrUnix = (f.kinds['socket-udp'] ?? 0) + (f.kinds['socket-unix'] ?? 0);
  for (const k of PILE_KINDS) {
    const rows = k.listed ? socketRows(f, k.listed) : null;
    const fromRows = rows !== null && rows.count > (f.kinds[k.kind] ?? 0);
    // Sockets of unknown type that a connection listing shows to be UDP or unix are not "other".
    const unknown =
      k.kind === 'socket-other' ? Math.max(0, (f.kinds['socket-other'] ?? 0) - Math.max(0, socketRowsTotal(f) - udpOrUnix)) : 0;
    const counted = k.kind === 'socket-other' ? socketLinksCounted(f) : countedKind(f, k.kind);
    // Rows a thread may repeat say the kind, not how many fds: a pointer at most (of === null).
    const repeated = counted === undefined ? lsofRowsCounted(f, k.kind) : undefined;
    const linked = counted ?? repeated;
    const byLinks =
      linked !== undefined && linked.count > (k.kind === 'socket-other' ? unknown : Math.max(f.kinds[k.kind] ?? 0, rows?.count ?? 0));
    const count = byLinks ? linked!.count : fromRows ? rows!.count : k.kind === 'socket-other' ? unknown : (f.kinds[k.kind] ?? 0);
    // A count of one kind says how many, not how much of the table: only an fd count of its own does.
    const of = byLinks ? (repeated ? null : countedTotal(f, linked!)) : total;
    let weight = of === null ? (Math.min(1, pileWeight(count, 1)) as Weight | 0) : pileWeight(count, share(count, of));
    if (weight === 0) continue;
    // A busy server's connections look the same in `ls -l /proc/PID/fd`: a socket of unknown type
    // only points (the host's socket gap can say more) — and not at all when the process's count is
    // shown flat across timed samples, well under its own limit: that is what tells a busy server's
    // steady connections from a leak, which grows.
    if (k.kind === 'socket-other' && busyAndSteady(f)) continue;
    if (k.kind === 'socket-other') weight = 1;
    const sub = k.kind === 'anon' ? anonSubtypes(f) : '';
    const where = byLinks ? linked!.where : fromRows ? rows!.file : f.bestView?.file;
    // Rows a thread may repeat are as many fds at most: never more than the process holds.
    const held = byLinks && repeated && f.fdCount ? Math.min(count, f.fdCount.value) : count;
    out.push({
      id: `${k.leak === 'other' ? 'socket' : k.leak}-pile`,
      kind: k.leak,
      weight,
      count: held,
      statement: `${repeated ? `${fmt(count)} lsof rows are of` : `${countOf(count, f)} are`} ${k.what}${sub}${where ? ` (${where})` : ''}.`,
      evidence: byLinks ? linked!.evidence : fromRows ? rows!.evidence : pileEvidence(f, k.kind),
    });
  }
  return out;
}

/**
 * An excerpt of an fd listing (`ls -l /proc/PID/fd` cut, a window of it) of a named process holding
 * 50 fds or more, most of the fds it shows — 3 or more, half — `socket:[N]` links: what
 * listed-kind-share reads of a leaking kind, for sockets whose type the listing cannot show
 * (Tribler#3014's loop of `ls -l` trimmed to `N -> target`: 41 socket links of 46 fds shown, fds
 * up to 139). A busy server's table looks the same, so it names a candidate and no more: like
 * running out, it never makes a leak (cases.ts's SIZE_SIGNALS). Not when its rows were picked by a
 * grep for sockets: every row shown is one then by construction.
 */
function socketLinksExcerpt(f: CaseFacts): Signal | null {
  const v = f.bestView;
  const size = f.fdCount?.value ?? 0;
  // A listing that names no process (its pid redacted, `/proc/xxxx/fd`) blames nobody by its sockets.
  if (!v?.partial || v.tally !== undefined || v.holder.pid === UNNAMED_PID || f.process.lookup?.listed) return null;
  if (size < LISTED_SHARE.holds) return null;
  if (rowFilters(v.command).some((g) => /sock/i.test(g))) return null;
  const count = v.holder.byKind['socket-other'] ?? 0;
  if (!shareEnough(size, v.holder.fds)(count) || busyAndSteady(f)) return null;
  return {
    id: 'socket-links-excerpt',
    kind: 'other',
    weight: 1,
    count,
    of: v.holder.fds,
    statement: `${fmt(count)} of the ${fmt(v.holder.fds)} fds listed in ${v.file} are sockets of a type the listing does not show; the listing is an excerpt of at least ${fmt(size)}.`,
    evidence: pileEvidence(f, 'socket-other', v),
  };
}

/** Its fd count shown flat across timed samples and under half of its own (not a shell's) limit. */
function busyAndSteady(f: CaseFacts): boolean {
  return f.growth?.flat === true && f.limitUse !== null && f.limitUse < HEALTHY_USE && f.fdLimit?.assumed !== true;
}

/**
 * `ls -l /proc/PID/fd | grep socket | wc -l`: the socket links of its fd folder, of any type — less
 * the sockets its ss/netstat -p rows or a tally of them by state show (TCP, UDP, unix): those are of
 * a known type and state, so not of a type no capture shows (a Java pool's `508` links beside
 * `507 ESTAB` in `ss -tanp | grep 'pid=6829,' | awk '{print $1}' | sort | uniq -c`).
 */
function socketLinksCounted(f: CaseFacts): { count: number; where: string; evidence: EvidenceRef[] } | undefined {
  const links = allSocketLinksCounted(f);
  const count = links ? links.count - socketRowsTotal(f) : 0;
  return links && count > 0 ? { ...links, count } : undefined;
}

function allSocketLinksCounted(f: CaseFacts): { count: number; where: string; evidence: EvidenceRef[] } | undefined {
  return mostCounted(
    f.process.pipelineCounts
      .filter((c) => c.tool === 'ls' && c.grep.length > 0 && c.grep.every((g) => !g.startsWith('!')) && c.grep.some((g) => /sock/i.test(g)))
      .map((c) => ({ count: c.value, where: countQuoted(c), evidence: countRefs(c) })),
  );
}

/**
 * The process's fd count, when another capture gave it: a count of one kind is no count of all. The
 * counted line is the first of its evidence (a count found by difference also cites the whole).
 */
function countedTotal(f: CaseFacts, counted: { count: number; evidence: EvidenceRef[] }): number | null {
  const c = f.fdCount;
  const own = counted.evidence[0];
  const same = c !== null && own !== undefined && own.file === c.ev.file && own.line === c.ev.line;
  return c && !same && c.value >= counted.count ? c.value : null;
}

/** `ls -l /proc/PID/fd | grep pipe | wc -l` and the like: its fds of one kind, counted. */
function countedKind(f: CaseFacts, kind: FdKind): { count: number; where: string; evidence: EvidenceRef[] } | undefined {
  const c = countedOfKind(f.process, kind);
  return c ? { count: c.value, where: countQuoted(c), evidence: countRefs(c) } : undefined;
}

/**
 * `lsof -p PID | grep -c pipe`: its lsof rows of one kind, not known to be one per fd; also a pid's
 * row of a host-wide tally of them (`lsof -n | grep -E 'eventpoll|eventfd' | awk '{print $1, $2}' |
 * sort | uniq -c`). Not inotify's anonymous inodes: inotify-instances reads those rows (a pointer
 * of its own); epoll's and eventfd's are no one else's.
 */
function lsofRowsCounted(f: CaseFacts, kind: FdKind): { count: number; where: string; evidence: EvidenceRef[] } | undefined {
  const c = kind === 'socket-other' ? undefined : lsofRowsOfKind(f.process, kind, kind === 'anon' ? /inotify/i : undefined);
  return c
    ? { count: c.value, where: `${countQuoted(c)}; a thread may repeat a row: as many fds at most`, evidence: countRefs(c) }
    : undefined;
}

/** Its UDP or unix sockets in ss -p / netstat -p rows (the listing with the most). */
function socketRows(f: CaseFacts, protocol: 'udp' | 'unix'): { count: number; file: string; evidence: EvidenceRef[] } | null {
  let best: { count: number; file: string; evidence: EvidenceRef[] } | null = null;
  for (const c of f.process.connections) {
    const count = c.sockets?.[protocol] ?? 0;
    if (count > 0 && (!best || count > best.count))
      best = { count, file: c.file, evidence: (c.socketEvidence?.[protocol] ?? []).slice(0, 3) };
  }
  return best;
}

function socketRowsTotal(f: CaseFacts): number {
  return Math.max(0, maxOf(f.process.connections.map((c) => c.rows + Object.values(c.sockets ?? {}).reduce((a, b) => a + (b ?? 0), 0))));
}

function pileWeight(count: number, part: number): Weight | 0 {
  const t = PILES.other;
  if (count >= t.decisive[0] && part >= t.decisive[1]) return 3;
  if (count >= t.strong[0] && part >= t.strong[1]) return 2;
  if (count >= t.weak[0] && part >= t.weak[1]) return 1;
  return 0;
}

/** `[eventpoll]` (or lsof's `[eventpoll:5]`) ×300, `[eventfd]` ×2 → ", most of them [eventpoll] (300 listed)". */
function anonSubtypes(f: CaseFacts): string {
  const counts = new Map<string, number>();
  const list = f.bestView?.holder.entries;
  for (const i of list?.ofKind('anon') ?? []) {
    const name = list!.name(i);
    const sub = /\[(\w+)/.exec(name)?.[1] ?? name;
    counts.set(sub, (counts.get(sub) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? `, most of them [${top[0]}] (${fmt(top[1])} listed)` : '';
}

function pileEvidence(f: CaseFacts, kind: FdKind, view = f.bestView): EvidenceRef[] {
  if (!view) return f.process.snapshots.slice(-1).map((s) => s.ev);
  // The rows of that kind, not the listing's first row (a `cwd` row proves no pile).
  const list = view.holder.entries;
  const rows = list
    .ofKind(kind)
    .slice(0, 4)
    .map((i) => list.ev(i));
  return rows.length > 0 ? rows : [view.holder.firstEvidence];
}

const SHARE_KINDS: { kind: FdKind | 'close-wait' | 'netlink'; leak: LeakKind; what: string; filter: RegExp }[] = [
  { kind: 'socket-unconnected', leak: 'socket-unconnected', what: 'sockets in no connection table', filter: /sock|protocol|identify/i },
  { kind: 'close-wait', leak: 'socket-close-wait', what: 'sockets in CLOSE_WAIT', filter: /close.?wait/i },
  { kind: 'socket-udp', leak: 'socket-udp', what: 'UDP sockets', filter: /udp/i },
  { kind: 'socket-unix', leak: 'socket-unix', what: 'unix-domain sockets', filter: /unix/i },
  { kind: 'pipe', leak: 'pipe', what: 'pipes', filter: /pipe|fifo/i },
  { kind: 'anon', leak: 'anon-inode', what: 'eventfd/epoll/inotify fds', filter: /a_inode|anon|event|inotify/i },
  { kind: 'deleted-file', leak: 'deleted-file', what: 'deleted files', filter: /delete/i },
  { kind: 'netlink', leak: 'other', what: 'netlink sockets', filter: /netlink|ROUTE/i },
];

/**
 * What the fds a partial listing shows are: a sample of the process's fds. When most of those
 * listed are of one leaking kind it points at that kind; when the process holds far more fds than
 * the excerpt shows (a count, or fd numbers in the thousands), the excerpt is all there is to say
 * what they are. A listing grep'd for that kind says nothing about its share.
 */
function listedShare(f: CaseFacts, found: Signal[], model: HostModel): Signal | null {
  const v = f.bestView;
  if (!v?.partial) return null;
  // Each excerpt of the process is a sample of its fds: one that cannot tell sockets apart (`ls -l`'s
  // `socket:[N]` links) leaves the question to another that can (lsof rows of the same process), and
  // a listing's head (the fds it opened as it started) to its tail (`lsfd -p PID | tail -8`).
  const others = f.process.fdViews.filter((x) => x !== v && x.partial && x.tool !== 'proc-fd');
  let best: Signal | null = null;
  for (const view of [v, ...others].slice(0, MAX_EXCERPTS)) {
    const s = excerptShare(f, view, found, model);
    if (s && (!best || s.weight > best.weight || (s.weight === best.weight && (s.count ?? 0) > (best.count ?? 0)))) best = s;
  }
  return best;
}

/** Excerpts of one process weighed for listed-kind-share (a bundle may paste many). */
const MAX_EXCERPTS = 20;

function excerptShare(f: CaseFacts, v: FdView, found: Signal[], model: HostModel): Signal | null {
  const size = f.fdCount?.value ?? 0;
  if (size < LISTED_SHARE.holds && !heldItsLimit(f)) return null;
  // Files open by design (a classpath's jars, a journal reader's journal files) are no part of the
  // sample: the share is of the rest.
  const code = filesOpenByDesign(v.holder.entries);
  const enough = shareEnough(size, v.holder.fds - code);
  // Rows picked by something other than their kind or protocol (`| grep tmp`) are no sample at all;
  // lsof's own pick of a kind (`-U`, `+L1`) is a grep for that kind's words.
  if (rowFilters(v.command).some((g) => !SHARE_KINDS.some((k) => k.filter.test(g)) && !/^!?(?:TCP|UDP|IPv[46])$/i.test(g))) return null;
  const selected = lsofSelection(v.command);
  const pickedKind = selected === 'unix' ? 'socket-unix' : selected === 'unlinked' ? 'deleted-file' : null;
  const h = v.holder;
  const listed = h.fds - code;
  let best: { k: (typeof SHARE_KINDS)[number]; count: number } | null = null;
  // A tracer's perf events and BPF objects are its work, made as it starts — unless its fds climb.
  const climbs = fdsClimbClearly(f);
  for (const k of SHARE_KINDS) {
    const count =
      k.kind === 'close-wait'
        ? h.closeWait
        : k.kind === 'netlink'
          ? netlinkSockets(h.entries)
          : k.kind === 'anon'
            ? (h.byKind[k.kind] ?? 0) - (climbs ? 0 : tracerObjects(h.entries))
            : (h.byKind[k.kind] ?? 0);
    if ((v.command && k.filter.test(v.command)) || k.kind === pickedKind) continue;
    if (k.kind === 'socket-unconnected' && !foundInNoTable(f, model, count)) continue;
    if (enough(count) && (!best || count > best.count)) best = { k, count };
  }
  const loops = v.command && /pipe|fifo|a_inode|anon|event/i.test(v.command) ? null : eventLoops(h, LISTED_SHARE.holds);
  const byLoops = loops !== null && enough(loops.count) && (!best || loops.count > best.count);
  const files = sharedPlace(h.entries, enough);
  const byPlace = files && enough(files.count) && (!best || files.count > best.count);
  const kind: LeakKind | null = byPlace ? (files!.unlinked ? 'deleted-file' : 'file') : byLoops ? loops!.kind : (best?.k.leak ?? null);
  if (kind === null || found.some((s) => s.kind === kind && s.weight > 1)) return null;
  // Deleted files a signal of theirs already reads (deleted-files-held: how many, the bytes held)
  // are no share of a folder besides it.
  if (byPlace && files!.unlinked && found.some((s) => s.kind === 'deleted-file')) return null;
  const count = byPlace ? files!.count : byLoops ? loops!.count : best!.count;
  const what = byPlace ? files!.what : byLoops ? loops!.what : best!.k.what;
  const sample = sampleOfMany(f, h.fds);
  // Many files of one folder open is also how a store keeps its segments: it points, no more.
  const folder = byPlace && files!.what.startsWith('files in ');
  return {
    id: 'listed-kind-share',
    kind,
    weight: sample && !folder ? 2 : 1,
    // Of event loops' fds, those of the kind it is named by (the pipes of 8 pipes and 5 epoll fds).
    count: byLoops ? loops!.ofKind : count,
    of: listed,
    statement:
      `${fmt(count)} of the ${fmt(listed)} fds listed in ${v.file}${code ? ' besides its code' : ''} are ${what}` +
      (sample
        ? `; the listing is an excerpt of at least ${fmt(size)} (${f.fdCount!.basis}).`
        : size < LISTED_SHARE.holds
          ? '; the listing is an excerpt, of a process that ran out of fds: it held its whole limit then.'
          : '; the listing is an excerpt.'),
    evidence: byPlace
      ? files!.evidence
      : byLoops
        ? loops!.evidence
        : pileEvidence(f, best!.k.kind === 'close-wait' ? 'socket-tcp' : best!.k.kind === 'netlink' ? 'socket-other' : best!.k.kind, v),
  };
}

/**
 * Whether `count` of the `listed` fds are enough of one kind to say what fills the table: three or
 * more, and half of those listed. When the table's size is known only because the process ran out
 * (its rows all below fd `holds`), the excerpt is its first fds — what it opened as it started —
 * and they speak for the full table only when one kind is most of them, more than half: six pipes
 * beside six sockets and listeners of a Go server's first fds (dkron's fds 27-38) say nothing of
 * what its other thousand fds are.
 */
function shareEnough(size: number, listed: number): (count: number) => boolean {
  const firstFdsOnly = size < LISTED_SHARE.holds;
  return (count) =>
    count >= LISTED_SHARE.min && (firstFdsOnly ? count / listed > LISTED_SHARE.share : count / listed >= LISTED_SHARE.share);
}

/**
 * A process that ran out (EMFILE in its log or strace, a count at its limit) held its whole limit
 * then: many fds, as a count would say, whatever the excerpt's own fd numbers are — unless its
 * own limit is too small for any program (then it says nothing of a pile).
 */
function heldItsLimit(f: CaseFacts): boolean {
  return ranOut(f) && !limitExplainsRunningOut(f.fdLimit) && (f.fdLimit?.value ?? LISTED_SHARE.holds) >= LISTED_SHARE.holds;
}

/** "64,214 of its 65,966 lsof rows": the total says what it counted. */
function countOf(n: number, f: CaseFacts): string {
  return f.fdCount ? `${fmt(n)} of its ${fdCountText(f.fdCount.value, f.fdCount.measure)}` : `${fmt(n)} fds`;
}

function sum(kinds: Partial<Record<FdKind, number>>): number {
  return Object.values(kinds).reduce((a, b) => a + (b ?? 0), 0);
}
