// Whether B shows one process healthy, held to the analysis's own no-leak rule (docs/diagnosis.md,
// model/diagnosis.ts healthOf) for that process: nothing points at it, its fds are counted and
// listed in full by kind, it is well under its own limit (or under where EMFILE is near with a
// count shown steady), and its count did not rise across samples. Stricter in one place: a small
// process must be listed by kind too, since only a listing shows the leaking kind is gone.
import type { Missing, ProcessFds } from '../result.js';
import { DEFAULT_SOFT_LIMIT, HEALTHY_USE, LIMIT, healthyWithoutLimit } from '../model/signals/fd-limit.js';
import { formatNumber as fmt } from '../format.js';
import { shellWord } from '../shell.js';
import { limitsCapture, type PidRef } from '../captures.js';
import { pidArgument, pidFileWord, processLabel } from '../process-label.js';

export type Health = { shown: true; use: number | null } | { shown: false; why: string; decide: Missing[] };

export function processHealth(p: ProcessFds): Health {
  const who = processLabel(p);
  const ref: PidRef = p.pid ?? { command: p.command, pidCommand: p.pidCommand ?? '' };
  const pid = pidArgument(p);
  const file = shellWord(pidFileWord(p));
  const listing: Missing = {
    what: `what the fds of ${who} are, in full (kinds, socket states)`,
    command: `lsof -n -P -p ${pid} > lsof-p-${file}.txt`,
  };
  const limits: Missing = { what: `the open-files limit of ${who} itself`, command: limitsCapture(ref) };
  const samples: Missing = {
    what: `whether the fd count of ${who} stays flat`,
    command: `for i in 1 2 3 4 5 6; do echo "$(date +%T) $(ls /proc/${pid}/fd | wc -l)"; sleep 10; done > fd-count-${file}.txt`,
  };
  const no = (why: string, ...decide: Missing[]): Health => ({ shown: false, why, decide });
  if (p.signals.length > 0) return no(`B's analysis still points at ${who} (${p.signals.join(', ')})`);
  if (p.fdCount === null) return no(`B has no fd count of ${who}`, listing);
  if (p.fdCountMeasure === 'rows') return no(`B counts lsof rows of ${who}, not its fds`, listing);
  if (p.fdCountMeasure === 'at-least' || p.kindsFrom === 'partial-listing')
    return no(`only part of the fds of ${who} are listed in B`, listing);
  if (p.kindsFrom === null) return no(`what the ${fmt(p.fdCount)} fds of ${who} are is not in B`, listing);
  const use = p.fdLimit ? p.fdCount / p.fdLimit : null;
  if (use !== null) {
    const clear = use < HEALTHY_USE || (p.growth?.flat === true && use < LIMIT.near);
    if (!clear) return no(`${who} holds ${Math.round(use * 100)}% of its open-files limit in B`, ...(p.growth ? [] : [samples]));
  } else if (p.fdCount >= healthyWithoutLimit(p.usualLimit ?? DEFAULT_SOFT_LIMIT)) {
    return no(`${who} holds ${fmt(p.fdCount)} fds in B and its open-files limit is not there`, limits);
  }
  if (p.growth?.rising) return no(`the fd count of ${who} rose across B's samples`, samples);
  return { shown: true, use };
}
