// The process ran out of fds: its own log (or the host's journal, by its pid) says "Too many open
// files". That it hit the wall says it leaks or is starved, not what it leaks.
import { formatNumber as fmt } from '../../format.js';
import type { Signal, SignalSource } from '../signal.js';

export const exhaustionSignals: SignalSource = ({ facts }) => {
  const out: Signal[] = [];
  const emfile = facts.logs.reduce((n, l) => n + l.emfile, 0);
  if (emfile > 0) {
    const files = [...new Set(facts.logs.filter((l) => l.emfile > 0).map((l) => l.file))];
    const samples = facts.logs.flatMap((l) => l.samples.filter((s) => s.errno === 'EMFILE'));
    out.push({
      id: 'emfile-in-log',
      kind: null,
      weight: 2,
      count: emfile,
      statement:
        `${fmt(emfile)} line${emfile === 1 ? ' of ' + files.join(', ') + ' says' : 's of ' + files.join(', ') + ' say'} it ran out of fds (EMFILE, "Too many open files")` +
        `; the log is its: ${facts.logs.find((l) => l.emfile > 0)!.basis}.`,
      evidence: [...samples.slice(0, 3), ...samples.slice(-1)].map((s) => s.ev),
    });
  }
  return out;
};
