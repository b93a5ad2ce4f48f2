// What strace caught the process doing: creating fds in one pattern, again and again, that it
// never closes; running into EMFILE; forks whose children may keep fds they were never meant to have.
import { formatNumber as fmt } from '../../format.js';
import type { StraceAnalysis } from '../strace/types.js';
import type { LeakKind } from '../../result.js';
import type { Signal, SignalSource } from '../signal.js';
import type { StraceView } from '../strace/view.js';

export const straceSignals: SignalSource = ({ facts }) => {
  const view = facts.strace;
  if (!view) return [];
  return [unclosed(view), exhausted(view.analysis), inherited(view.analysis)].filter((s): s is Signal => s !== null);
};

function unclosed(view: StraceView): Signal | null {
  const found = view.analysis.pattern;
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

/** `= -1 EMFILE (Too many open files)` in its own strace: it is at its limit now. */
function exhausted(a: StraceAnalysis): Signal | null {
  const x = a.exhaustion;
  if (x.emfile === 0) return null;
  const top = x.threads[0];
  return {
    id: 'emfile-in-strace',
    kind: null,
    weight: 2,
    count: x.emfile,
    statement:
      `strace: ${fmt(x.emfile)} call${x.emfile === 1 ? '' : 's'} that make an fd failed with EMFILE ("Too many open files")` +
      `${x.threads.length > 1 ? ` in ${x.threads.length} threads, most in thread ${top.tid}` : `, in thread ${top.tid}`}${top.name ? ` "${top.name}"` : ''}.`,
    evidence: x.samples.filter((s) => /EMFILE/.test(s.text ?? '')).slice(0, 3),
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
function kindOfSignature(signature: string): LeakKind {
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
