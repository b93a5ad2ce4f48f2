// lsof rows of one kind counted per process: a grep picks the rows, awk keeps the PID column,
// `uniq -c` counts them per pid:
//   lsof -c gunicorn | egrep "deleted" | awk {'print $2 '}  | sort | uniq -c | sort -n
//        16 29766
//        24 29761
// Each row is that pid's count of the rows the grep picked (24 deleted files of pid 29761), as
// `lsof -p 29761 | grep deleted | wc -l` would print: not the process's rows of every kind.
import type { CountTableArtifact } from '../sources/artifacts.js';
import { count } from '../sources/numbers.js';
import type { EvidenceRef } from '../types.js';
import type { CountMeaning } from './pipeline.js';

type CountRow = CountTableArtifact['rows'][number];

/** A `command pid` key (`gunicorn 29761`): its last word. */
const COMMAND_PID = /^\S{1,200} +(\d{1,10})$/;

export interface GrepTally {
  pid: number;
  count: number;
  ev: EvidenceRef;
  grep: string[];
}

/**
 * The per-pid counts of an lsof tally whose rows a grep picked by what they are (`deleted`,
 * `CLOSE_WAIT`, `sock`): keyed by pid (or `command pid`), every grep keeping rows (a `grep -v`
 * leaves rows of every other kind: no kind of its own). None for any other table. A pid under
 * several names (a host-wide lsof's thread names) keeps its fewest, as the rows of one name.
 */
export function grepTallyPerPid(meaning: CountMeaning | null, rows: readonly CountRow[]): GrepTally[] {
  if (meaning?.tool !== 'lsof' || meaning.measure !== 'rows-per-key') return [];
  const grep = meaning.grep ?? [];
  if (grep.length === 0 || grep.some((g) => g.startsWith('!'))) return [];
  if (meaning.key !== 'pid' && meaning.key !== 'command pid') return [];
  const byPid = new Map<number, GrepTally>();
  for (const row of rows) {
    const pid = count(meaning.key === 'pid' ? row.key : COMMAND_PID.exec(row.key)?.[1]);
    if (pid === undefined) return [];
    const seen = byPid.get(pid);
    if (!seen || row.count < seen.count) byPid.set(pid, { pid, count: row.count, ev: row.ev, grep });
  }
  return [...byPid.values()];
}
