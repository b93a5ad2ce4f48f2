import type { Rule, RuleOutcome } from './rule.js';
import { findingsForSignal } from './leak-signal.js';

export const rule: Rule = {
  id: 'deleted-files-held',
  step: 4,
  title: 'No process holds many deleted files open',
  failureTitle: 'A process holds deleted files open',
  method:
    'A file that was deleted while open stays on disk until its last fd is closed; lsof marks it `(deleted)` (or `DEL` ' +
    'for mapped files). Many of them mean the program opens files (often rotated logs or temp files) and never closes ' +
    'them: `lsof -p PID | grep -c "(deleted)"`, or `lsof +L1` for the whole host.',
  check(ctx): RuleOutcome[] {
    return findingsForSignal(ctx, ['deleted-files-held'], () => 'deleted files held open');
  },
};
