// The process ran out of fds: its own log (or the host's journal, by its pid) says "Too many open
// files". That it hit the wall says it leaks or is starved, not what it leaks. When every such line
// is about inotify, the wall may be the user's inotify instances instead (inotify_init(2) fails
// with EMFILE for both): it only points.
import { formatNumber as fmt } from '../../format.js';
import type { ExhaustionLine } from '../../sources/app-log.js';
import type { CaseFacts, Signal, SignalSource } from '../signal.js';
import { LIMIT } from './fd-limit.js';

export const exhaustionSignals: SignalSource = ({ facts }) => {
  const out: Signal[] = [];
  const emfile = facts.logs.reduce((n, l) => n + l.emfile, 0);
  if (emfile > 0) {
    const files = [...new Set(facts.logs.filter((l) => l.emfile > 0).map((l) => l.file))];
    const samples = facts.logs.flatMap((l) => l.samples.filter((s) => s.errno === 'EMFILE'));
    const inotify = aboutInotify(samples);
    out.push({
      id: 'emfile-in-log',
      runningOut: true,
      kind: null,
      weight: inotify ? 1 : 2,
      count: emfile,
      statement:
        `${fmt(emfile)} line${emfile === 1 ? ' of ' + files.join(', ') + ' says' : 's of ' + files.join(', ') + ' say'} it ran out of fds (EMFILE, "Too many open files")` +
        `; the log is its: ${facts.logs.find((l) => l.emfile > 0)!.basis}` +
        (inotify ? `. ${INOTIFY_CAVEAT}` : '.'),
      evidence: [...samples.slice(0, 3), ...samples.slice(-1)].map((s) => s.ev),
    });
  }
  return out;
};

/** What an inotify line's "Too many open files" may mean; said wherever such lines are reported. */
export const INOTIFY_CAVEAT =
  'Every such line is about inotify, whose inotify_init fails with EMFILE also when the user has used up fs.inotify.max_user_instances (128 by default), whatever the open-files limit: `cat /proc/sys/fs/inotify/max_user_instances` and a count of `anon_inode:inotify` fds per process tell which.';

/** Every one of the lines is about inotify. */
export function aboutInotify(lines: readonly ExhaustionLine[]): boolean {
  return lines.length > 0 && lines.every((s) => s.inotify);
}

/** The process is out of fds: EMFILE in its log or strace, or a count at its limit (at-fd-limit's bound). */
export function ranOut(f: CaseFacts): boolean {
  return (
    f.logs.some((l) => l.emfile > 0) || (f.strace?.analysis.exhaustion.emfile ?? 0) > 0 || (f.limitUse !== null && f.limitUse >= LIMIT.at)
  );
}
