// Step 11: the log lines that say why the thread leaks.
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { excerpt } from './leak-signal.js';
import { sh } from '../shell.js';

export const rule: Rule = {
  id: 'log-explains-leak',
  step: 11,
  title: 'The application log around the leaks',
  failureTitle: 'The application log names the failure behind each leak',
  method:
    'Open the log file the leaking thread writes to and find the lines it wrote at the times of the leaks (the strace ' +
    'shows the exact text). They name the operation that failed; the code path that handles that failure is the one ' +
    "that forgets to close. Mind the clocks: `strace -tt` prints the time without a date, in the host's zone.",
  check(ctx): RuleOutcome | null {
    const a = ctx.strace?.analysis;
    const link = a?.fdLog[0];
    if (!a || !link || !ctx.straceLeak) return null;
    if (!link.log) {
      const path = link.path ?? `the file behind fd ${link.fd}`;
      return missing(
        `the application log ${path}`,
        link.path ? sh`tail -n 5000 -- ${link.path} > ${link.path.split('/').pop() ?? ''}` : sh`ls -l /proc/${link.pid}/fd/${link.fd}`,
        `The leaking thread writes to ${path}, but the bundle has no copy of it.`,
      );
    }
    const lines = [...link.matchingLines, ...link.errorsNearLeaks.filter((e) => !link.matchingLines.some((m) => m.line === e.line))];
    const rc = a.rootCause;
    return {
      status: lines.length > 0 ? 'fail' : 'info',
      severity: lines.length > 0 ? 'high' : 'info',
      title: rc?.message ? `The log says: ${rc.message}` : undefined,
      detail:
        `${link.log.file} (matched by ${link.log.matchedBy}) holds ${fmt(link.matchingLines.length)} line${link.matchingLines.length === 1 ? '' : 's'} ` +
        `matching what the thread wrote (its text, or a record of its shape where strace cut it) and ${fmt(link.errorsNearLeaks.length)} error line${link.errorsNearLeaks.length === 1 ? '' : 's'} near the leaks` +
        (rc?.message ? `: "${rc.message}".` : '.') +
        (link.alignment ? ` ${link.alignment}.` : ''),
      evidence: lines.slice(0, 6),
      details: excerpt(lines.slice(0, 12), 'Log lines at the times of the leaks'),
    };
  },
};
