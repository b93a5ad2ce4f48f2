import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { latest } from '../model/build.js';
import { ssClosed } from '../model/host-facts.js';

export const rule: Rule = {
  id: 'ss-closed-sockets',
  step: 2,
  title: 'ss -s shows no pile of closed TCP sockets',
  failureTitle: 'ss -s counts a large number of "closed" TCP sockets',
  method:
    '`ss -s` does not list sockets; it prints totals computed from `/proc/net/sockstat`. Its `closed` is not a state ' +
    'it observed but a difference: TCP sockets allocated minus those hashed in a connection table, plus time-wait ' +
    '(`alloc - (inuse4 + inuse6 - tw)` in ss.c). A large `closed` means many TCP sockets exist that are in no table: ' +
    'created and never connected, or disconnected and never closed by their owner. Its time-wait entries are in that ' +
    "difference too (sockstat's `tw`, not in its `inuse`): ended connections the kernel keeps a minute after both " +
    'ends closed, held by no process, so they are taken out of it.',
  check({ model }): RuleOutcome {
    const c = latest(model.ssSummaries.filter((s) => s.data.tcp));
    const tcp = c?.data.tcp;
    if (!c || !tcp) return missing('ss -s socket summary', 'ss -s');
    const hashed = c.data.transport.TCP;
    const synrecv = tcp.synrecv ?? 0;
    const steps: NonNullable<Extract<NonNullable<RuleOutcome['details']>[number], { type: 'arithmetic' }>['steps']> = [
      { label: 'TCP sockets (ss prints alloc + synrecv + timewait)', expression: 'TCP total', value: tcp.total, evidence: [tcp.ev] },
    ];
    let agree: boolean | null = null;
    if (hashed) {
      const alloc = tcp.total - synrecv - tcp.timewait;
      const computed = alloc - (hashed.total - tcp.timewait);
      steps.push(
        {
          label: 'allocated (sockstat alloc at that moment)',
          expression: `${fmt(tcp.total)} - ${fmt(synrecv)} - ${fmt(tcp.timewait)}`,
          value: alloc,
          evidence: [tcp.ev],
        },
        {
          label: 'hashed in a connection table (Transport TCP)',
          expression: 'inuse4 + inuse6',
          value: hashed.total,
          evidence: [hashed.ev],
        },
        {
          label: 'closed = alloc - (hashed - timewait)',
          expression: `${fmt(alloc)} - (${fmt(hashed.total)} - ${fmt(tcp.timewait)})`,
          value: computed,
        },
      );
      agree = computed === tcp.closed;
    }
    const { many, closed: outside, printed } = ssClosed(model)!;
    const timewait =
      outside === printed
        ? ''
        : ` Its closed counts the ${fmt(tcp.timewait)} in time-wait, which no process holds: ${fmt(outside)} are in no table.`;
    const arithmetic =
      agree === null
        ? ''
        : agree
          ? ' The printed numbers add up: closed = alloc - (hashed - timewait).'
          : ` The printed closed (${fmt(tcp.closed)}) does not equal alloc - (hashed - timewait) from the same output; the lines may come from different moments or were edited.`;
    return {
      status: many ? 'fail' : 'pass',
      severity: many ? 'high' : 'info',
      detail:
        `ss -s counts ${fmt(tcp.total)} TCP sockets, ${fmt(tcp.estab)} established and ${fmt(tcp.closed)} closed` +
        (many ? ': most TCP sockets are in no connection.' : '.') +
        timewait +
        arithmetic,
      evidence: [tcp.ev, ...(hashed ? [hashed.ev] : []), ...(c.data.total ? [c.data.total.ev] : [])],
      details: [{ type: 'arithmetic', caption: 'How ss -s derives "closed"', steps }],
    };
  },
};
