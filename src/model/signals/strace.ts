// What strace caught the process doing: creating fds in one pattern, again and again, that it
// never closes; running into EMFILE; forks whose children keep fds they were never meant to have.
import { formatNumber as fmt } from '../../format.js';
import { MAX_RACES } from '../../sources/strace/compact.js';
import { anonInodeMadeBy, fdMadeBy } from '../../sources/strace/calls.js';
import { emfileEvidence } from '../strace/analyze.js';
import { undecided } from '../strace/cloexec-race.js';
import { EOF_KEPT } from '../strace/eof-root-cause.js';
import type { CloexecRace, StraceAnalysis } from '../strace/types.js';
import type { LeakKind } from '../../result.js';
import type { CaseFacts, Signal, SignalSource } from '../signal.js';
import { leakKindOf } from '../signal.js';
import { linkTargetKind } from '../../sources/fd-kind.js';
import { sampleOfMany } from './fd-kinds.js';
import type { StraceView } from '../strace/view.js';
import { threadLabel } from '../../process-label.js';
import { ref } from '../../types.js';

export const straceSignals: SignalSource = ({ facts }) => {
  const view = facts.strace;
  if (!view) return [];
  const found = [unclosed(view), exhausted(view.analysis), inheritedFds(view.analysis), eofKept(view.analysis)].filter(
    (s): s is Signal => s !== null,
  );
  const sample = madeSample(facts, view, found);
  return sample ? [...found, sample] : found;
};

/** Fewer anonymous inodes made and kept than this say nothing of the table; this share of those kept. */
const SAMPLE = { min: 3, share: 0.5 } as const;

/**
 * The fds its strace shows it making and still holding at the end are rows of its table, the
 * newest: when it holds many more (a count, or the fd numbers it was handed), they are a sample of
 * what fills it, as an excerpt of a listing is (listed-kind-share). Only anonymous inodes: an
 * epoll, eventfd, timerfd, inotify or pidfd lives as long as what it serves, where a socket, a
 * pipe or a file made in a short window is as likely in flight (a connection, a child's stdin).
 */
function madeSample(f: CaseFacts, view: StraceView, found: readonly Signal[]): Signal | null {
  if (found.some((s) => s.kind === 'anon-inode' && s.weight > 1)) return null;
  const kept = view.analysis.leaks.filter((g) => g.pid === f.process.pid);
  const shown = kept.reduce((n, g) => n + g.count, 0);
  const anon = kept.filter((g) => kindOfSignature(g.signature) === 'anon-inode');
  const count = anon.reduce((n, g) => n + g.count, 0);
  if (count < SAMPLE.min || count / shown < SAMPLE.share || !sampleOfMany(f, shown)) return null;
  const threads = new Set(anon.map((g) => g.tid)).size;
  return {
    id: 'strace-made-sample',
    kind: 'anon-inode',
    weight: 2,
    count,
    statement:
      `strace: ${fmt(count)} of the ${fmt(shown)} fds it made and still held at the end are anonymous inodes ` +
      `(${anon[0].signature}${threads > 1 ? `, in ${fmt(threads)} threads` : ''}): the newest rows of a table of at least ` +
      `${fmt(f.fdCount!.value)} (${f.fdCount!.basis}), a sample of what fills it.`,
    evidence: anon.flatMap((g) => g.evidence.slice(0, 2)).slice(0, 4),
  };
}

function unclosed(view: StraceView): Signal | null {
  const found = view.analysis.pattern;
  if (!found) return null;
  const { group, weight, why } = found;
  const dup = dupKind(group.signature);
  const kind = dup === undefined ? kindOfSignature(group.signature) : dup;
  // An anonymous inode's call says which one it is: a pile of io_uring_setup() is of io_uring instances.
  const what = kind === 'anon-inode' ? anonInodeMadeBy(/^\w{1,40}/.exec(group.signature)?.[0] ?? '') : undefined;
  const window = view.analysis.windowSeconds !== null ? ` in ${fmt(Math.round(view.analysis.windowSeconds * 10) / 10)} s` : '';
  return {
    id: 'strace-unclosed',
    kind,
    ...(what ? { what } : {}),
    weight,
    count: group.count,
    statement:
      `strace: ${threadLabel(group.tid, group.threadName)} created ${fmt(group.count)} fds${window} it never closed, ` +
      `always the same way (${group.signature}); ${why}.`,
    evidence: group.evidence.slice(0, 4),
  };
}

/**
 * TCP sockets it read to their end (`read(44<TCP:[…]>, "", 256) = 0`: the peer closed) and never
 * closed in the rest of the capture, while it went on: each sits in CLOSE_WAIT, the path that met the
 * end skipped close(). Several are that path caught again and again, as a failed connect is.
 */
function eofKept(a: StraceAnalysis): Signal | null {
  const { total, fds } = a.eofKept;
  if (total === 0) return null;
  const threads = new Set(fds.map((k) => k.tid)).size;
  return {
    id: 'strace-eof-kept',
    kind: 'socket-close-wait',
    weight: total >= EOF_KEPT ? 3 : 1,
    count: total,
    statement:
      `strace: ${fmt(total)} TCP socket${total === 1 ? '' : 's'} read to ${total === 1 ? 'its' : 'their'} end (the peer closed: a read returned 0) ` +
      `and never closed after${threads > 1 ? `, in ${fmt(threads)} threads` : ''} (fd ${fds
        .slice(0, 5)
        .map((k) => k.fd)
        .join(', ')}${fds.length > 5 ? ' …' : ''}): ` +
      'each stays in CLOSE_WAIT until the process closes it.',
    evidence: fds.slice(0, 4).map((k) => ref(k.file, k.line, k.text)),
  };
}

/** `= -1 EMFILE (Too many open files)` in its own strace: it is at its limit now. */
function exhausted(a: StraceAnalysis): Signal | null {
  const x = a.exhaustion;
  if (x.emfile === 0) return null;
  const top = x.threads[0];
  return {
    id: 'emfile-in-strace',
    runningOut: true,
    kind: null,
    weight: 2,
    count: x.emfile,
    statement:
      `strace: ${fmt(x.emfile)} call${x.emfile === 1 ? ' that makes' : 's that make'} an fd failed with EMFILE ("Too many open files")` +
      `${x.threads.length > 1 ? ` in ${x.threads.length} threads, most in` : ', in'} ${threadLabel(top.tid, top.name)}.`,
    evidence: emfileEvidence(x),
  };
}

/** This many children keeping copies, or this many copies kept in all: decisive. */
export const MANY_KEEPERS = 10;
export const MANY_KEPT = 20;

/**
 * Children that still held, after their execve, fds a fork copied before they were close-on-exec:
 * copies that outlive the parent's own close. Copies the children closed, or that execve closed,
 * are no signal; copies whose fate the capture does not show only point at the process.
 */
function inheritedFds(a: StraceAnalysis): Signal | null {
  const kept = a.cloexecRaces.filter((r) => r.outcome === 'kept');
  const unknown = a.cloexecRaces.filter((r) => r.outcome === 'unknown');
  // The races list stops at MAX_RACES copies: counts are of those followed.
  const followed = a.cloexecRaces.length >= MAX_RACES ? ` (of the first ${fmt(MAX_RACES)} copies followed)` : '';
  if (kept.length > 0) {
    const keepers = childrenOf(kept);
    const r = kept[0];
    const rest = unknown.length > 0 ? `; for ${fmt(unknown.length)} more the capture does not show it` : '';
    return {
      id: 'inherited-fds',
      kind: 'inherited',
      weight: keepers >= MANY_KEEPERS || kept.length >= MANY_KEPT ? 3 : 2,
      count: kept.length,
      statement:
        `strace: ${processes(keepers)} kept ${fmt(kept.length)} fds${followed} that a fork copied into them before the fds were close-on-exec: ` +
        `each still held its copy after execve, until it exited or the capture ended (e.g. child ${r.child} and fd ${r.fd}${r.path ? ` ${r.path}` : ''} of thread ${r.creatorTid})${rest}.`,
      evidence: r.evidence,
    };
  }
  if (unknown.length === 0) return null;
  return {
    id: 'inherited-fds',
    kind: 'inherited',
    weight: 1,
    count: unknown.length,
    statement:
      `strace: ${processes(childrenOf(unknown))} got ${fmt(unknown.length)} fds${followed} that were not close-on-exec when another thread forked; ` +
      `whether they kept them after execve is not shown: ${undecided(unknown)}.`,
    evidence: unknown[0].evidence,
  };
}

function childrenOf(races: CloexecRace[]): number {
  return new Set(races.map((r) => r.child)).size;
}

function processes(n: number): string {
  return `${fmt(n)} child process${n === 1 ? '' : 'es'}`;
}

/**
 * A dup's kind (`dup`, `dup2`, `dup3`, `fcntl(…, F_DUPFD…)`) is that of the fd it copies, which only
 * its -y annotation shows (`dup(3</var/log/a.log>)`); without one (`fcntl(1, F_DUPFD_CLOEXEC)`) the
 * kind is unknown — null: the copies say fds are made and kept, the listing says what they are.
 * Undefined for any other call.
 */
export function dupKind(signature: string): LeakKind | null | undefined {
  const call = DUP_CALL.exec(signature);
  if (!call || (call[1] === 'fcntl' && !/\bF_DUPFD/.test(signature))) return undefined;
  const target = call[2];
  if (target === undefined) return null;
  if (/^UNIX(?:-STREAM|-DGRAM)?:/.test(target)) return 'socket-unix';
  if (/^UDP(?:v6)?:/.test(target)) return 'socket-udp';
  const kind = leakKindOf(linkTargetKind(target));
  return kind === 'other' ? null : kind;
}

/** The call and the -y annotation of the fd it copies, when there is one: `dup(3</tmp/a.log>)`. */
const DUP_CALL = /^(dup[23]?|fcntl)\(\d{1,10}(?:<([^>\n]{1,4096})>)?/;

/** A socket of an address family that is no IP one and no unix one: a netlink, packet, vsock … socket. */
const OTHER_FAMILY = /^AF_(?!INET6?\b|UNIX\b|LOCAL\b)[A-Z0-9]{1,20}\b/;

/**
 * `socket(AF_INET, SOCK_STREAM) → connect(...) = -1 ECONNREFUSED → (no close)` → socket-unconnected.
 * What the call makes is calls.ts's `fdMadeBy`; a socket's kind is in its arguments: a socket of
 * another family than IP and unix — `socket(AF_NETLINK, SOCK_RAW)`, `AF_PACKET`, `AF_VSOCK` — is in
 * no TCP or UDP table and no unix socket: `other`, as lsof's `netlink` and `pack` rows are.
 */
export function kindOfSignature(signature: string): LeakKind {
  const call = /^(\w+)\(([^)]*)/.exec(signature);
  const args = call?.[2] ?? '';
  switch (fdMadeBy(call?.[1] ?? '')) {
    case 'socket':
      if (/AF_(UNIX|LOCAL)/.test(args)) return 'socket-unix';
      if (OTHER_FAMILY.test(args)) return 'other';
      if (/SOCK_DGRAM/.test(args)) return 'socket-udp';
      return 'socket-unconnected';
    case 'accepted':
      return 'socket-close-wait';
    case 'path':
    case 'memfd':
      return 'file';
    case 'pipe':
      return 'pipe';
    case 'anon-inode':
      return 'anon-inode';
    default:
      return 'other';
  }
}
