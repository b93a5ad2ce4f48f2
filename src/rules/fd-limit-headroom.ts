import { pidArgument } from '../process-label.js';
import { whoIs, namedOf, pidRefOf } from '../model/processes.js';
import { limitsCapture } from '../captures.js';
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { TINY_LIMIT, limitExplainsRunningOut } from '../model/signal.js';
import { fdCountText } from '../format.js';

export const rule: Rule = {
  id: 'fd-limit-headroom',
  step: 6,
  title: 'The process has headroom under its open-files limit',
  failureTitle: 'The process is at or near its open-files limit',
  method:
    'Every process has its own limit on open fds (`RLIMIT_NOFILE`, "Max open files" in `/proc/PID/limits`); at the limit ' +
    'every `socket()`, `accept()` and `open()` fails with EMFILE ("Too many open files"). `ulimit -a` shows the limit of ' +
    "the shell you typed it in, which may differ from the service's (systemd `LimitNOFILE=`, limits.conf): read " +
    '`/proc/PID/limits`. Raising the limit only buys time while the leak goes on.',
  check({ suspects, cases }): RuleOutcome[] {
    const near = suspects.length ? suspects : cases.filter((a) => a.limitUse !== null && a.limitUse >= 0.8);
    const tiny = cases.filter((a) => !near.includes(a) && limitExplainsRunningOut(a.fdLimit));
    return [...near, ...tiny].map((a) => {
      const who = whoIs(a.process);
      const pid = pidArgument(namedOf(a.process));
      if (!a.fdLimit) {
        // The capture every other place asks for: the same command, so the missing list says it once.
        return missing(`the open-files limit of ${who}`, limitsCapture(pidRefOf(a.process)));
      }
      const limit = a.fdLimit;
      const count = a.fdCount;
      if (limit.value === null || limit.value <= 0) {
        return {
          status: 'info',
          severity: 'info',
          detail: `${who} has no open-files limit (unlimited, ${limit.basis}).`,
          evidence: [limit.ev],
        };
      }
      if (limitExplainsRunningOut(limit)) {
        return {
          status: 'fail',
          severity: 'medium',
          title: `The open-files limit of ${who} is too small for any program`,
          detail:
            `${who} may open only ${fmt(limit.value)} files (${limit.basis}). A program holds about a dozen fds at rest, so under ` +
            `${fmt(TINY_LIMIT)} even a healthy one fails with EMFILE: running out says the limit is wrong, not that it leaks. ` +
            'Raise it, run it again and count its fds a few times: a count that levels off is no leak.',
          evidence: [limit.ev],
          command: `ls /proc/${pid}/fd | wc -l`,
        };
      }
      if (!count) {
        return {
          status: 'info',
          severity: 'info',
          detail: `${who} may open ${fmt(limit.value)} files (${limit.basis}); its fd count is unknown.`,
          evidence: [limit.ev],
          command: `ls /proc/${pid}/fd | wc -l`,
        };
      }
      const use = count.value / limit.value;
      const pct = Math.round(use * 1000) / 10;
      const basisNote = !limit.assumed
        ? ''
        : ` A shell's limit (\`ulimit -a\`) is not necessarily the process's own: \`cat /proc/${pid}/limits\` confirms it.`;
      if (count.measure === 'rows') {
        // Rows over-count fds (cwd, txt, mem rows; a row per thread): they bound the use from above, they do not measure it.
        return {
          status: 'info',
          // Under the limit they say only that the process holds fewer; at or past it, they point.
          severity: use >= 1 ? 'high' : 'info',
          title: `${who}: ${fdCountText(count.value, 'rows')} against a limit of ${fmt(limit.value)}`,
          detail:
            `${who} shows ${fdCountText(count.value, 'rows')} (${count.basis}) against a limit of ${fmt(limit.value)} (${limit.basis}). ` +
            `lsof prints more rows than the process has fds, so its use of the limit is at most ${pct}%; the exact count settles it.` +
            basisNote,
          evidence: [count.ev, limit.ev],
          command: `ls /proc/${pid}/fd | wc -l`,
        };
      }
      const at = use >= 1;
      const near = use >= 0.9;
      const counted = count.measure === 'at-least' ? `at least ${fmt(count.value)} fds` : `${fmt(count.value)} fds`;
      return {
        // Headroom under a shell's limit says nothing about the process's own: not a pass.
        status: near ? 'fail' : limit.assumed ? 'info' : 'pass',
        severity: at ? 'critical' : near ? 'high' : 'info',
        title: at
          ? `${who} has reached its open-files limit`
          : near
            ? `${who} is near its open-files limit`
            : `${who} has headroom under its open-files limit`,
        detail:
          `${who} holds ${counted} (${count.basis}) against a limit of ${fmt(limit.value)} (${limit.basis}): ${count.measure === 'at-least' ? 'at least ' : ''}${pct}%` +
          (at ? '; new sockets and files fail with EMFILE ("Too many open files").' : near ? '; EMFILE is close.' : '.') +
          basisNote,
        evidence: [count.ev, limit.ev],
        details: [
          {
            type: 'arithmetic',
            caption: 'Headroom',
            steps: [
              { label: 'open fds', expression: count.basis, value: count.value, evidence: [count.ev] },
              { label: 'limit', expression: limit.basis, value: limit.value, evidence: [limit.ev] },
              {
                label: count.measure === 'at-least' ? 'headroom, at most' : 'headroom',
                expression: `${fmt(limit.value)} - ${fmt(count.value)}`,
                value: limit.value - count.value,
              },
            ],
          },
        ],
      };
    });
  },
};
