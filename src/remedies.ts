// Step 12: what to change in the program, how to get by until the fix ships, what to watch so the
// next leak is seen before EMFILE. Built from the diagnosis and the bundle's own numbers.
import { pidArgument, processBrief, processName } from './process-label.js';
import type { AnalysisResult, LeakKind, Rich, RootCause, Suspect } from './result.js';
import { LEAK_KINDS } from './leak-kinds.js';
import { code, rich, richText } from './rich.js';
import { formatNumber as fmt } from './format.js';
import type { Measured } from './model/host.js';
import { heldFromAncestor } from './model/signals/from-ancestors.js';

export interface RemedyFacts {
  /** TCP sockets allocated but in no table (sockstat alloc - inuse), when the bundle has it. */
  allocGap: number | null;
  /** What netstat showed (TCP rows), when the bundle has it. */
  netstat: Measured | null;
  /** The root cause's fds are left open after a failed call (connect = -1 ECONNREFUSED), not after calls that worked. */
  leakAfterFailure: boolean;
  /** A process ran out under a limit too small for any program: the limit explains it, not a leak. */
  tinyLimit: { who: string; limit: number } | null;
}

export function buildRemedies(
  verdict: AnalysisResult['verdict'],
  lead: Suspect | undefined,
  rc: RootCause | null,
  facts: RemedyFacts,
): AnalysisResult['remedies'] {
  const fix: Rich[] = [];
  const stopGap: Rich[] = [];
  if (verdict === 'leak' && lead) {
    fix.push(richText(LEAK_KINDS[lead.leak.kind].fix));
    if (rc?.message && rc.basis === 'leak') {
      fix.push(
        facts.leakAfterFailure
          ? rich`The failing path is the one that logs ${code(rc.message)}${threadOf(rc, lead)}: review that code first, and make the dependency it tries to reach available again to stop new leaks while the fix ships.`
          : rich`Start with the code around the log line ${code(rc.message)}${threadOf(rc, lead)}: the thread that leaks writes it as it leaks.`,
      );
    }
    stopGap.push(...stopGaps(lead));
  } else if (verdict === 'no-leak') {
    fix.push(
      rich`No leaking process was found: nothing to fix in code. Keep the monitoring below so that the next leak is seen before EMFILE.`,
    );
  } else if (!lead && facts.tinyLimit) {
    // The diagnosis says the limit explains it: the fix is the limit, not code.
    fix.push(
      rich`Nothing in the code to fix yet: ${facts.tinyLimit.who} ran out of fds under a limit of ${fmt(facts.tinyLimit.limit)}, too small for any program. Start it under a usual limit (\`ulimit -n 1024\` or more, \`LimitNOFILE=\` for a service) and count its fds a few times: a count that levels off is no leak; one that keeps climbing is, and the captures under "Missing evidence" find it.`,
    );
  } else {
    fix.push(
      rich`Nothing to fix yet: the evidence does not show which process leaks. Capture what would decide (under "Missing evidence") and run the analysis again.`,
    );
  }
  return { fix, stopGap, monitor: monitors(lead, facts) };
}

function threadOf(rc: RootCause, lead: Suspect): string {
  if (rc.tid === null) return '';
  const name = lead.threads.find((t) => t.tid === rc.tid)?.name;
  return ` (thread ${rc.tid}${name ? ` "${name}"` : ''})`;
}

function stopGaps(s: Suspect): Rich[] {
  const out: Rich[] = [];
  if (s.leak.kind === 'inherited' && heldFromAncestor(s)) {
    out.push(
      rich`Restart ${processBrief(s)} from a parent that does not pass these fds on (another terminal, a service unit): its copies are released when it exits, and the program that opened them is left alone.`,
    );
  } else if (s.leak.kind === 'inherited') {
    out.push(
      rich`Stop the child processes of ${processBrief(s)} that hold its fds (\`ps --ppid ${pidArgument(s)}\`): the fds are released when the last copy closes, and restarting the parent alone leaves the children's copies open.`,
    );
  } else {
    out.push(
      rich`Restart ${processBrief(s)} in a quiet window: every fd it holds is released at once. The leak starts again from zero, so this buys time and nothing more.`,
    );
  }
  const perHour = s.growth ? s.growth.perMinute * 60 : null;
  const lasting =
    perHour && perHour > 0
      ? ` At the measured ${fmt(Math.round(perHour))} fds per hour (${s.growth!.evidence[0].file}), every extra 10,000 fds lasts about ${(10_000 / perHour).toFixed(1)} hours.`
      : '';
  out.push(
    s.fdLimit !== null
      ? rich`Raise the open-files limit (now ${fmt(s.fdLimit)}) only as a stop-gap: \`LimitNOFILE=\` in the systemd unit or \`nofile\` in /etc/security/limits.conf, then restart. A higher limit hides a leak for longer; it does not end it.${lasting}`
      : rich`Raise the open-files limit (\`LimitNOFILE=\` in the systemd unit, \`nofile\` in /etc/security/limits.conf) only as a stop-gap: it hides the leak for longer and does not end it.${lasting}`,
  );
  return out;
}

/** What a listing of the process's fds shows of each kind it can leak, counted: `grep -c` of `ls -l /proc/PID/fd`. */
const KIND_COUNT: Partial<Record<LeakKind, { what: string; grep: string }>> = {
  'deleted-file': { what: 'Deleted files it still holds open (disk space not freed)', grep: "grep -c '(deleted)'" },
  pipe: { what: 'Pipes it holds', grep: 'grep -c pipe:' },
  'anon-inode': { what: 'Event fds it holds (eventfd, epoll, inotify, timerfd)', grep: 'grep -c anon_inode:' },
  'socket-unix': { what: 'Sockets it holds (unix-domain ones among them)', grep: 'grep -c socket:' },
  'socket-udp': { what: 'Sockets it holds (UDP ones among them)', grep: 'grep -c socket:' },
  file: { what: 'Regular files it holds', grep: "grep -c ' -> /'" },
};

/** The TCP socket kinds: the ones sockstat's alloc - inuse and netstat's blind spot are about. */
const TCP_KINDS: readonly LeakKind[] = ['socket-unconnected', 'socket-close-wait'];

function monitors(s: Suspect | undefined, facts: RemedyFacts): Rich[] {
  const gap = facts.allocGap !== null ? ` (this bundle: ${fmt(facts.allocGap)})` : '';
  const use =
    s && s.fdCount !== null && s.fdLimit && s.fdCountMeasure === 'fds'
      ? ` (${processName(s)} is at ${((s.fdCount / s.fdLimit) * 100).toFixed(1)} %)`
      : '';
  const ns = facts.netstat ? ` (it showed ${fmt(facts.netstat.value)} here)` : '';
  // The suspect's own pid (or the lookup that prints it) in the commands, when the bundle knows one.
  const pid = s ? pidArgument(s) : 'PID';
  const out: Rich[] = [];
  const kind = s ? KIND_COUNT[s.leak.kind] : undefined;
  if (kind) {
    out.push(rich`${kind.what}: ${code(`ls -l /proc/${pid}/fd | ${kind.grep}`)}; alert when the count keeps growing.`);
  } else if (s?.leak.kind === 'inherited' && !heldFromAncestor(s)) {
    // Its children hold the copies: its own count stays flat.
    out.push(
      rich`The fds its children hold (copies that crossed execve): ${code(`for c in $(pgrep -P ${pid}); do echo "$c $(ls /proc/$c/fd | wc -l)"; done`)}; alert when their counts keep growing.`,
    );
  }
  // sockstat and netstat speak of TCP sockets: for a leak of another kind they watch nothing that leaks.
  const tcp = !s || TCP_KINDS.includes(s.leak.kind) || s.leak.kind === 'other';
  if (tcp) {
    out.push(
      rich`\`alloc - inuse\` of the TCP line in /proc/net/sockstat: sockets that exist but are in no connection. Healthy hosts stay near zero; alert when it keeps growing${gap}.`,
    );
  }
  out.push(
    pid === 'PID'
      ? rich`Open fds per process (\`ls /proc/PID/fd | wc -l\`) against \`Max open files\` in /proc/PID/limits; alert at 80 %${use}.`
      : rich`Open fds of ${processName(s!)} (${code(`ls /proc/${pid}/fd | wc -l`)}) against \`Max open files\` in ${code(`/proc/${pid}/limits`)}, and of every process the same way; alert at 80 %${use}.`,
  );
  if (tcp) out.push(rich`Not netstat: it lists only sockets in a connection table and stays flat while the leak grows${ns}.`);
  return out;
}
