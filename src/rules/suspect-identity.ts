import { pidArgument } from '../process-label.js';
import { namedOf, whoIs } from '../model/processes.js';
import type { Rule, RuleOutcome } from './rule.js';
import { missing } from './rule.js';
import { codeSpan } from '../rich.js';

export const rule: Rule = {
  id: 'suspect-identity',
  step: 5,
  title: 'Identify the leaking process',
  failureTitle: 'The leaking process is identified',
  method:
    'A pid means nothing in a ticket; the service, its owner and its command line do. `ps -o pid,ppid,user,lstart,args -p PID` ' +
    '(or `ps auxww | grep PID`) names it; its threads (`ps -T -p PID`, `/proc/PID/task/*/comm`, a `jstack` dump for Java) ' +
    'are what strace will later show.',
  check({ suspects }): RuleOutcome[] {
    return suspects.map((s) => {
      const p = s.process;
      if (p.identity.length === 0) {
        return missing(
          `the identity (user, command line) of ${whoIs(p)}`,
          `ps -o pid,ppid,user,lstart,args -p ${pidArgument(namedOf(p))}`,
          `No ps line for ${whoIs(p)}${p.command ? ` (lsof names it ${p.command})` : ''}: its owner and command line are unknown.`,
        );
      }
      const threads = p.threads.size;
      return {
        status: 'info',
        severity: 'info',
        title: `${whoIs(p)} is ${p.command ?? 'unknown'} run by ${p.user ?? 'an unknown user'}`,
        detail:
          `${whoIs(p)} is ${codeSpan(truncate(p.cmdline ?? p.command ?? '?', 200))}, run by ${p.user ?? 'an unknown user'}` +
          (threads ? `, with ${threads} named threads in the bundle.` : '.'),
        evidence: p.identity.slice(0, 3),
      };
    });
  },
};

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
