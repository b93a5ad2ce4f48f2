import { netstatCount } from '../model/host-facts.js';
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { latest } from '../model/build.js';
import type { HostModel, Measured } from '../model/host.js';

/** The kernel's own TCP socket count: ss -s total, else sockstat alloc. */
function kernelTcpCount(model: HostModel): Measured | null {
  const ss = latest(model.ssSummaries.filter((c) => c.data.tcp));
  if (ss?.data.tcp) return { value: ss.data.tcp.total, ev: ss.data.tcp.ev, basis: 'ss -s' };
  const sock = latest(model.sockstat.filter((c) => c.data.protocols.TCP?.fields.alloc !== undefined));
  const tcp = sock?.data.protocols.TCP;
  if (tcp) return { value: tcp.fields.alloc, ev: tcp.ev, basis: '/proc/net/sockstat alloc' };
  return null;
}

/** What netstat showed: its TCP rows, or its line count when only `| wc -l` was kept. */

export const rule: Rule = {
  id: 'netstat-blind-spot',
  step: 1,
  title: 'netstat and the kernel agree on the number of TCP sockets',
  failureTitle: 'netstat shows a normal connection table while the kernel holds far more TCP sockets',
  method:
    'netstat reads the kernel connection tables (`/proc/net/tcp`): only sockets that are listening, connecting, ' +
    'connected or closing are there. A socket that was created and never connected, or whose connection ended but whose ' +
    "fd was never closed, is in no table, so netstat cannot show it. Compare netstat's count with `ss -s` or " +
    '`/proc/net/sockstat`, which count every socket the kernel allocated.',
  check({ model }): RuleOutcome | null {
    const seen = netstatCount(model);
    const kernel = kernelTcpCount(model);
    if (!seen) {
      return missing(
        'netstat connection-table counts',
        "netstat -nat | awk 'NR>2 {++s[$NF]} END {for (k in s) print k, s[k]}'; netstat -nat | wc -l",
        'No netstat capture: nothing shows what the connection table looked like to the engineer.',
      );
    }
    const states = seen.byState
      ? Object.entries(seen.byState)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => [k, v])
      : [];
    const details: RuleOutcome['details'] = states.length
      ? [{ type: 'table', caption: 'TCP states as netstat saw them', headings: ['State', 'Count'], rows: states }]
      : undefined;
    if (!kernel) {
      // Nothing was compared: the rule's title (that they agree) would claim what no capture shows.
      return {
        status: 'info',
        severity: 'info',
        title: "netstat's TCP count, with no kernel count to compare it with",
        detail: `netstat shows ${fmt(seen.value)} (${seen.basis}); with no \`ss -s\` or \`/proc/net/sockstat\` there is nothing to compare it with.`,
        evidence: [seen.ev, ...(seen.stateEv ?? [])],
        details,
        command: 'ss -s; cat /proc/net/sockstat',
      };
    }
    const hidden = kernel.value - seen.value;
    const blind = hidden >= 1000 && kernel.value >= 10 * Math.max(seen.value, 1);
    return {
      status: blind ? 'fail' : 'pass',
      severity: blind ? 'medium' : 'info',
      detail: blind
        ? `netstat shows ${fmt(seen.value)} (${seen.basis}) but the kernel counts ${fmt(kernel.value)} TCP sockets (${kernel.basis}): about ${fmt(hidden)} sockets are in no connection table, which is why the connection table looked normal.`
        : `netstat shows ${fmt(seen.value)} (${seen.basis}) and the kernel counts ${fmt(kernel.value)} TCP sockets (${kernel.basis}): no large hidden population.`,
      evidence: [seen.ev, ...(seen.stateEv ?? []), kernel.ev],
      details,
    };
  },
};
