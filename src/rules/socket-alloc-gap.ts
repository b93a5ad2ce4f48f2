import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { latest } from '../model/build.js';

export const rule: Rule = {
  id: 'socket-alloc-gap',
  step: 3,
  title: 'Kernel socket accounting: allocated TCP sockets match those in use',
  failureTitle: 'The kernel holds far more TCP sockets (alloc) than are in a connection table (inuse)',
  method:
    '`/proc/net/sockstat` is the kernel\'s own count. `TCP: inuse` is the number of TCP sockets hashed in a connection ' +
    'table (what netstat can list); `alloc` is every TCP socket structure allocated. On a healthy host they are close. ' +
    'When `alloc - inuse` is large, socket structures are kept alive by file descriptors that nobody connected or closed. ' +
    'Monitor `alloc - inuse`, not netstat.',
  requires: ['sockstat'],
  check({ model }): RuleOutcome {
    const c = latest(model.sockstat.filter((s) => s.data.protocols.TCP));
    const tcp = c?.data.protocols.TCP;
    if (!c || !tcp || tcp.fields.alloc === undefined || tcp.fields.inuse === undefined) {
      return missing('/proc/net/sockstat', 'cat /proc/net/sockstat /proc/net/sockstat6');
    }
    const { alloc, inuse } = tcp.fields;
    const tw = tcp.fields.tw ?? 0;
    const inuse6 = latest(model.sockstat6)?.data.protocols.TCP6?.fields.inuse ?? 0;
    const gap = alloc - inuse;
    // Sockets briefly sit outside the tables while being created or torn down; hundreds beyond
    // the connected ones do not.
    const big = gap >= 200 && gap >= inuse;
    const used = c.data.socketsUsed;
    return {
      status: big ? 'fail' : 'pass',
      severity: big ? (gap >= 1000 ? 'high' : 'medium') : 'info',
      detail: big
        ? `/proc/net/sockstat: TCP alloc ${fmt(alloc)} against inuse ${fmt(inuse)}: ${fmt(gap)} TCP sockets are allocated but in no connection table` +
          (used ? ` (sockets used ${fmt(used.value)} in all).` : '.')
        : `/proc/net/sockstat: TCP alloc ${fmt(alloc)}, inuse ${fmt(inuse)}: no unexplained TCP sockets.`,
      evidence: [tcp.ev, ...(used ? [used.ev] : [])],
      details: [
        {
          type: 'arithmetic',
          caption: 'What ss -s would print as "closed" from these numbers',
          steps: [
            { label: 'allocated TCP sockets', expression: 'alloc', value: alloc, evidence: [tcp.ev] },
            { label: 'in a connection table (IPv4 + IPv6)', expression: `inuse ${inuse} + inuse6 ${inuse6}`, value: inuse + inuse6 },
            { label: 'closed = alloc - (inuse - tw)', expression: `${alloc} - (${inuse + inuse6} - ${tw})`, value: alloc - (inuse + inuse6 - tw) },
            { label: 'alloc - inuse (what to monitor)', expression: `${alloc} - ${inuse}`, value: gap },
          ],
        },
      ],
    };
  },
};
