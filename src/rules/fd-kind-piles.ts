// Step 4: pipes, anonymous inodes (eventfd, epoll, inotify), UDP or unix sockets that fill most
// of a process's fds: kinds a healthy program holds a handful of.
import type { Rule, RuleOutcome } from './rule.js';
import { findingsForSignal } from './leak-signal.js';
import { LEAK_KINDS } from '../leak-kinds.js';

export const rule: Rule = {
  id: 'fd-kind-piles',
  step: 4,
  title: 'No process is filled with pipes, event fds, UDP or unix sockets',
  failureTitle: 'A process is filled with fds of one kind',
  method:
    "Count a process's fds by kind: `ls -l /proc/PID/fd | awk -F'-> ' '{sub(/:.*/, \"\", $2); print $2}' | sort | uniq -c` " +
    "(or lsof's TYPE column). A healthy program holds a few pipes (its children's stdio), one epoll fd per event loop, " +
    'a few eventfds and timers. Hundreds of one kind are a leak of whatever makes them: a child process never reaped ' +
    'or its pipes never closed, an event loop or selector created per request, a UDP socket per query, a unix-domain ' +
    'connection per call.',
  check(ctx): RuleOutcome[] {
    return findingsForSignal(
      ctx,
      ['pipe-pile', 'anon-inode-pile', 'socket-udp-pile', 'socket-unix-pile', 'socket-pile', 'socket-links-excerpt'],
      (s) => (s.kind ? LEAK_KINDS[s.kind].label : 'fds of one kind'),
    );
  },
};
