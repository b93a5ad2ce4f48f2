import type { Rule, RuleOutcome } from './rule.js';
import { findingsForSignal } from './leak-signal.js';
import { whoWithCommand } from '../model/processes.js';
import { unconnectedSetAside } from '../model/signals/fd-kinds.js';
import { sentenceStart } from '../process-label.js';

export const rule: Rule = {
  id: 'unconnected-sockets',
  step: 4,
  title: 'No process holds sockets without a connection',
  failureTitle: 'A process holds sockets that are in no connection table',
  method:
    "lsof prints `sock ... can't identify protocol` (old lsof) or `sock ... protocol: TCP` (current lsof) for a socket " +
    'fd whose socket is in no connection table: it was created and never connected, or its connection failed and the ' +
    'program never closed it. A handful is normal for an instant; thousands are a leak. Count them per process: ' +
    '`lsof -p PID | grep -cE "can\'t identify protocol|protocol: "`.',
  check(ctx): RuleOutcome[] {
    const setAside = ctx.cases.flatMap((c): RuleOutcome[] => {
      const a = unconnectedSetAside(c, ctx.model);
      if (!a) return [];
      const name = sentenceStart(whoWithCommand(c.process));
      return [
        {
          status: 'pass',
          severity: 'info',
          title: `${name}: its "sock" rows are not sockets left unconnected`,
          detail: `${name}: ${a.statement}`,
          evidence: a.evidence,
        },
      ];
    });
    return [...findingsForSignal(ctx, ['unconnected-sockets'], () => 'sockets in no connection table'), ...setAside];
  },
};
