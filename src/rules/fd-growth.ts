import { whoIs, pidRefOf } from '../model/processes.js';
// How fast the fd count grows, and when it hits the limit at that pace (fdleak collect --snapshots).
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import type { ProcessCase } from '../model/cases.js';
import { fdGrowthCapture } from '../captures.js';

function duration(minutes: number): string {
  // Under a minute left is said in seconds (67 fds left at 392 a minute: 10 seconds, not "0 minutes").
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} seconds`;
  if (minutes < 1.5) return '1 minute';
  if (minutes < 120) return `${Math.round(minutes)} minutes`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} hours`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

function assess(a: ProcessCase): RuleOutcome {
  const p = a.process;
  const g = a.growth!;
  const samples = g.samples;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const rate = g.perMinute;
  const unconnectedRate = g.unconnectedPerMinute;
  const limit = last.limit ?? a.fdLimit?.value ?? null;
  const span = g.spanSeconds;
  const grew = g.gained;
  // Counts of `lsof -p PID | wc -l` are rows (cwd, txt and mem rows, per-thread repeats), not fds.
  const unit = first.rows ? 'lsof rows' : 'fds';
  const table = {
    type: 'table' as const,
    caption: `${unit} of ${whoIs(p)} over ${Math.round(span)} s`,
    headings: ['time', unit, 'unconnected sockets', 'limit'],
    rows: samples.map((s) => [s.at, s.total, s.byKind['socket-unconnected'] ?? 0, s.limit ?? limit]),
  };
  const evidence = [first.ev, last.ev];
  // A handful of fds up and down is normal churn; a steady climb is not.
  if (!g.rising) {
    return {
      status: 'pass',
      severity: 'info',
      evidence,
      details: [table],
      detail: g.levelled
        ? `${whoIs(p)} had ${fmt(first.total)} ${unit} at ${first.at} and ${fmt(last.total)} at ${last.at} (${samples.length} samples), ` +
          `but it rose only at first: it held at ${fmt(g.levelled.level)} over its last ${g.levelled.samples} samples (${fmt(Math.round(g.levelled.seconds))} s, at least half the capture), ` +
          `under half its limit — it levelled off, as a pool that warmed up does; a leak only stops climbing at its limit.`
        : `${whoIs(p)} had ${fmt(first.total)} ${unit} at ${first.at} and ${fmt(last.total)} at ${last.at} (${samples.length} samples): no growth.`,
    };
  }
  const left = limit !== null ? limit - last.total : null;
  const minutesLeft = left !== null && left > 0 ? left / rate : left !== null ? 0 : null;
  const severity = minutesLeft === null ? 'medium' : minutesLeft < 60 ? 'critical' : minutesLeft < 24 * 60 ? 'high' : 'medium';
  const projection =
    minutesLeft === null
      ? 'its limit is unknown'
      : minutesLeft === 0
        ? `it is already at its limit of ${fmt(limit!)}`
        : `at this pace it reaches its limit of ${fmt(limit!)} in about ${duration(minutesLeft)}`;
  return {
    status: 'fail',
    severity,
    evidence,
    title: `${whoIs(p)} gains ${fmt(Math.round(rate))} ${unit} per minute`,
    detail:
      `${whoIs(p)} went from ${fmt(first.total)} to ${fmt(last.total)} ${unit} in ${Math.round(span)} s (${fmt(Math.round(rate * 10) / 10)} per minute` +
      (unconnectedRate > 0 ? `, ${fmt(Math.round(unconnectedRate * 10) / 10)} of them unconnected sockets` : '') +
      `); ${projection}.`,
    details: [
      table,
      {
        type: 'arithmetic',
        caption: 'Growth rate (least-squares slope) and time to the limit',
        steps: [
          { label: 'fds gained', expression: `${fmt(last.total)} - ${fmt(first.total)}`, value: grew, evidence },
          { label: 'fds per minute', expression: `slope of ${samples.length} samples × 60`, value: Math.round(rate * 10) / 10 },
          ...(left !== null && minutesLeft
            ? [
                {
                  label: 'minutes to the limit',
                  expression: `(${fmt(limit!)} - ${fmt(last.total)}) / ${fmt(Math.round(rate * 10) / 10)}`,
                  value: Math.round(minutesLeft),
                },
              ]
            : []),
        ],
      },
    ],
  };
}

export const rule: Rule = {
  id: 'fd-growth',
  step: 6,
  title: 'The fd count is steady',
  failureTitle: 'The fd count keeps growing',
  method:
    'One count says how many fds a process holds; two counts a minute apart say whether it is leaking and when it will ' +
    'hit the wall. Sample `ls /proc/PID/fd | wc -l` a few times (`fdleak collect --snapshots 6 --interval 10` does it, ' +
    'by kind) and divide the gain by the time: that rate against the headroom to the limit is how long the service has.',
  check({ suspects, cases }): RuleOutcome[] | RuleOutcome | null {
    const sampled = cases.filter((a) => a.growth !== null);
    if (sampled.length > 0) return sampled.map(assess);
    if (suspects.length === 0) return null;
    const lead = suspects[0].process;
    return missing(`fd counts of ${whoIs(lead)} over time (growth rate, time to the limit)`, fdGrowthCapture(pidRefOf(lead)));
  },
};
