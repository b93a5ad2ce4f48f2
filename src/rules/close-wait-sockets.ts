import type { Rule, RuleOutcome } from './rule.js';
import { findingsForSignal } from './leak-signal.js';

export const rule: Rule = {
  id: 'close-wait-sockets',
  step: 4,
  title: 'No process accumulates CLOSE_WAIT sockets',
  failureTitle: 'A process accumulates sockets in CLOSE_WAIT',
  method:
    'CLOSE_WAIT means the peer closed the connection and the kernel is waiting for this process to call `close()`. ' +
    'It never times out: every CLOSE_WAIT socket is an fd the program forgot. Count per process with ' +
    '`ss -tanp state close-wait` or `lsof -p PID | grep -c CLOSE_WAIT`.',
  check(ctx): RuleOutcome[] {
    return findingsForSignal(ctx, ['close-wait-sockets'], () => 'sockets in CLOSE_WAIT');
  },
};
