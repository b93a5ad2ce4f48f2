// Step 9: what the leaking thread writes, and where, around its leaks.
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { straceCommand, threadLabel, tracePid } from './strace-common.js';

export const rule: Rule = {
  id: 'leaker-writes',
  step: 9,
  title: 'What the leaking thread writes',
  failureTitle: 'The leaking thread logs an error around each leak',
  method:
    'Read the strace lines of the leaking thread just before and after each fd it leaks. A thread that leaks on a ' +
    'failure path usually reports the failure: a `write` of a log line to a file descriptor. The written text is in the ' +
    'strace line itself (raise `-s` to see whole lines), and the fd it goes to leads to the log file.',
  check(ctx): RuleOutcome | null {
    const a = ctx.strace?.analysis;
    const top = ctx.straceLeak?.group;
    if (!a || !top) return null;
    const link = a.fdLog[0];
    const who = threadLabel(top.tid, top.threadName);
    if (!link) {
      return missing(
        `what ${who} writes (the strace shows no write by the leaking thread)`,
        straceCommand(tracePid(ctx)).replace('-s 256', '-s 1024'),
        `${who} leaks fds but writes nothing in the window: no log line ties the leak to a cause.`,
      );
    }
    const sample = link.written[0];
    return {
      status: 'fail',
      severity: 'medium',
      title: `${who} writes to fd ${link.fd} around its leaks`,
      detail:
        `${who} wrote ${fmt(link.writes)} time${link.writes === 1 ? '' : 's'} to fd ${link.fd} in the window` +
        (sample ? `, e.g. "${sample.text.trim().slice(0, 160)}"` : '') +
        '.',
      evidence: link.written.slice(0, 3).map((w) => w.ev),
      details: [
        {
          type: 'table',
          caption: `Writes of ${who} to fd ${link.fd}`,
          headings: ['time', 'text', 'line'],
          rows: link.written.slice(0, 10).map((w) => [w.time, w.text.trim(), `${w.ev.file}:${w.ev.line}`]),
        },
      ],
    };
  },
};
