// What strace caught the process doing: creating fds in one pattern, again and again, that it
// never closes; and forks whose children keep fds they were never meant to have.
import { formatNumber as fmt } from '../../format.js';
import type { LeakGroup, StraceAnalysis } from '../../strace/types.js';
import type { LeakKind } from '../../result.js';
import type { Signal, SignalSource, Weight } from '../signal.js';
import type { StraceView } from '../strace.js';

/** A pattern must show up in this many tenths of the window: fds still in use at the end bunch up in the last. */
export const MIN_SPREAD = 3;
/** Below this share of its creations closed, a thread is not churning: what it leaves open piles up. */
export const CLOSED_SHARE = 0.5;
/** A call that failed: not a non-blocking call that is merely in progress or would block. */
const FAILED = /= -1 E(?!INPROGRESS|AGAIN|WOULDBLOCK|INTR|ALREADY)[A-Z]+|SO_ERROR E[A-Z]+/;

export const straceSignals: SignalSource = ({ facts }) => {
  const view = facts.strace;
  if (!view) return [];
  return [unclosed(view), inherited(view.analysis)].filter((s): s is Signal => s !== null);
};

/**
 * The leak group strace shows for this process, and how much it weighs: a failure path (`socket →
 * connect = -1 → no close`) or a thread that closes little of what it creates is a leak; a thread
 * that closes most of what it creates (a server's accepted connections) leaves fds in flight.
 */
export function unclosedPattern(a: StraceAnalysis): { group: LeakGroup; weight: Weight; why: string } | null {
  const recurring = a.leaks.filter((g) => (a.windowSeconds === null ? g.count >= MIN_SPREAD : g.spread >= MIN_SPREAD));
  // A failure path caught repeating across the window is the leak itself.
  const failure = recurring.find((g) => FAILED.test(g.signature));
  if (failure) return { group: failure, weight: 3, why: 'each fd is left open after a failed call' };
  for (const group of recurring) {
    const thread = a.threads.find((t) => t.tid === group.tid);
    const closedShare = thread && thread.creates > 0 ? thread.closes / thread.creates : 0;
    if (closedShare < CLOSED_SHARE && group.count >= 10) {
      return { group, weight: 2, why: `the thread closed ${Math.round(closedShare * 100)}% of the fds it created` };
    }
  }
  return null;
}

function unclosed(view: StraceView): Signal | null {
  const found = unclosedPattern(view.analysis);
  if (!found) return null;
  const { group, weight, why } = found;
  const window = view.analysis.windowSeconds !== null ? ` in ${fmt(Math.round(view.analysis.windowSeconds * 10) / 10)} s` : '';
  return {
    id: 'strace-unclosed',
    kind: kindOfSignature(group.signature),
    weight,
    count: group.count,
    statement:
      `strace: thread ${group.tid}${group.threadName ? ` "${group.threadName}"` : ''} created ${fmt(group.count)} fds${window} it never closed, ` +
      `always the same way (${group.signature}); ${why}.`,
    evidence: group.evidence.slice(0, 4),
  };
}

/** Children that still hold fds of the parent: copies that outlive the parent's own close. */
function inherited(a: StraceAnalysis): Signal | null {
  const races = a.cloexecRaces;
  if (races.length === 0) return null;
  const children = new Set(races.map((r) => r.child).filter((c) => c !== null));
  return {
    id: 'inherited-fds',
    kind: 'inherited',
    weight: 1,
    count: races.length,
    statement:
      `strace: ${fmt(children.size)} child process${children.size === 1 ? '' : 'es'} got ${fmt(races.length)} fds that were not close-on-exec when another thread forked; ` +
      'whether each child kept them after execve is not shown.',
    evidence: races[0].evidence,
  };
}

/** `socket(AF_INET, SOCK_STREAM) → connect(...) = -1 ECONNREFUSED → (no close)` → socket-unconnected. */
export function kindOfSignature(signature: string): LeakKind {
  const call = /^(\w+)\(([^)]*)/.exec(signature);
  const name = call?.[1] ?? '';
  const args = call?.[2] ?? '';
  if (name === 'socket' || name === 'socketpair') {
    if (/AF_(UNIX|LOCAL)/.test(args)) return 'socket-unix';
    if (/SOCK_DGRAM/.test(args)) return 'socket-udp';
    return 'socket-unconnected';
  }
  if (name.startsWith('accept')) return 'socket-close-wait';
  if (/^(open|openat|openat2|creat)$/.test(name)) return 'file';
  if (/^pipe2?$/.test(name)) return 'pipe';
  if (/^(eventfd2?|epoll_create1?|inotify_init1?|timerfd_create|signalfd4?|memfd_create|pidfd_open|fanotify_init|userfaultfd)$/.test(name)) return 'anon-inode';
  return 'other';
}
