// A leak checker's own words that the process it runs in left fds open (leak-check-report.ts
// reads them): a test harness's or a runtime's report, with no pid, read as trouble no process's
// case explains — never a sign of health.
import type { EvidenceRef } from '../types.js';
import type { HostModel } from './host.js';
import { formatNumber as fmt } from '../format.js';

const CHECKERS = {
  'ruby-leakchecker': "Ruby's test leak checker",
  'python-resourcewarning': "Python's ResourceWarning",
  'go-exec-test': "Go's os/exec test",
} as const;

/**
 * A leak checker's own words that the process it runs in left fds open (leak-check-report.ts):
 * Ruby's `Leaked file descriptor:`, Python's `ResourceWarning: unclosed <…>`, Go's `leaked 4 fds`.
 * The process that printed them held fds it should have closed — no pile, no limit — and no line
 * numbers it: no process's case, and no sign of health either.
 */
export function leakCheckTrouble(logs: HostModel['logs']): { statement: string; evidence: EvidenceRef[] } | null {
  const l = logs.find((x) => x.data.leakChecks !== undefined);
  if (!l) return null;
  const { count, fds, numbers, checker, first } = l.data.leakChecks!;
  const shown = [...new Set(numbers)].slice(0, 5).join(', ');
  return {
    statement:
      `${CHECKERS[checker]} reports in ${l.file} that the process it ran in left ${fds === 1 ? 'an fd' : `${fmt(fds)} fds`} open` +
      `${shown ? ` (fd ${shown})` : ''}${count > 1 ? `, in ${fmt(count)} lines` : ''}: ` +
      'a leak checker says in its own words that the process leaked them; the lines give no pid. ' +
      'The listing the checker prints with it, or `ls -l /proc/PID/fd` of that process, shows what they are.',
    evidence: [first],
  };
}
