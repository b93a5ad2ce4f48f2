// Step 10: the file behind the fd the leaking thread writes to.
import type { Rule, RuleOutcome } from './rule.js';
import { missing } from './rule.js';
import { threadLabel } from './strace-common.js';
import { sh } from '../shell.js';

const SOURCES: Record<string, string> = {
  'strace-y': 'the strace -y annotation',
  'strace-open': 'the openat that returned it in the strace',
  lsof: 'lsof',
  lsfd: 'lsfd',
  'proc-fd': 'ls -l /proc/PID/fd',
  valgrind: "valgrind --track-fds' report at exit",
  fstat: 'fstat',
  pfiles: 'pfiles',
  psutil: "psutil's open_files()",
};

export const rule: Rule = {
  id: 'leaker-fd-path',
  step: 10,
  title: 'The fd the leaking thread writes to',
  failureTitle: 'The fd the leaking thread writes to is a log file',
  method:
    'An fd number means nothing outside its process. Map it to a file, most trusted first: strace `-y` prints the path ' +
    'next to every fd; else the `openat` that returned it; else `lsof -p PID -d FD` or `ls -l /proc/PID/fd/FD` taken ' +
    'while the process still runs (an fd number can be reused after a close).',
  check(ctx): RuleOutcome | null {
    const a = ctx.strace?.analysis;
    const link = a?.fdLog[0];
    if (!a || !link || !ctx.straceLeak) return null;
    const who = threadLabel(link.tid, a.leaks[0]?.threadName ?? null);
    if (!link.path) {
      return missing(
        `the file behind fd ${link.fd} of pid ${link.pid}`,
        sh`lsof -n -p ${link.pid} -a -d ${link.fd}; ls -l /proc/${link.pid}/fd/${link.fd}`,
        `${who} writes to fd ${link.fd}, but no capture says which file that is.`,
      );
    }
    return {
      status: 'fail',
      severity: 'low',
      title: `fd ${link.fd} is ${link.path}`,
      detail: `fd ${link.fd} of pid ${link.pid}, where ${who} writes, is ${link.path} (from ${SOURCES[link.pathSource ?? ''] ?? link.pathSource}).`,
      evidence: link.written.slice(0, 1).map((w) => w.ev),
    };
  },
};
