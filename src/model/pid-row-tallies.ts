// lsof rows counted per `command pid` (awk's `print $1 " " $2 | sort | uniq -c`, or an awk that
// counts them itself, keyed `$1"\t"$2"\t"$3` with lsof's USER): each pid's rows, under each of
// the names a host-wide lsof gives its threads.
import type { CountTableArtifact } from '../sources/artifacts.js';
import { count } from '../sources/numbers.js';
import type { ProcessModel } from './host.js';
import { COMMAND_PID_FIELD_KEY, COMMAND_PID_KEY } from './kind-tallies.js';
import { appendTo } from '../many-values.js';

type CountRow = CountTableArtifact['rows'][number];

/**
 * A pid key of a `uniq -c` tally by lsof's PID column, also with the note a reader typed after it
 * on its row (`3272620 1305177 (GETH process running under a SCREEN)`): the pid, the note dropped.
 */
const PID_KEY_NOTED = /^(\d{1,10})(?:\s{1,8}\([^()]{1,160}\))?$/;

/** The pid a tally's key names (a bare pid, or one with a note in parentheses); undefined for any other key. */
export function pidOfKey(key: string): number | undefined {
  const m = PID_KEY_NOTED.exec(key.trim());
  return m ? count(m[1]) : undefined;
}

/** Rows of a `command pid` (or `command pid user`) table by pid. */
export function rowsByPid(rows: readonly CountRow[], key: string): Map<number, { name: string; row: CountRow }[]> {
  const out = new Map<number, { name: string; row: CountRow }[]>();
  const keyRe = key === 'command pid' ? COMMAND_PID_KEY : COMMAND_PID_FIELD_KEY;
  for (const row of rows) {
    const m = keyRe.exec(row.key);
    const pid = m ? count(m[2]) : undefined;
    if (m && pid !== undefined) appendTo(out, pid, { name: m[1], row });
  }
  return out;
}

/**
 * A host-wide lsof lists a process's fds once for each of its threads, under the thread's name; a
 * `command pid` table shows them as rows of one pid under several names. Every thread shares the
 * process's fd table, so each name's rows are a whole multiple of the process's own: the process
 * has at most as many fds as the fewest rows under one name.
 */
export function ownRows(pid: number, rows: { name: string; row: CountRow }[], command: string): NonNullable<ProcessModel['lsofRows']> {
  if (rows.length === 1) return { value: rows[0].row.count, ev: rows[0].row.ev, basis: command };
  const fewest = rows.reduce((a, b) => (b.row.count < a.row.count ? b : a));
  const total = rows.reduce((n, r) => n + r.row.count, 0);
  return {
    value: fewest.row.count,
    ev: fewest.row.ev,
    basis: `${command}: the rows of pid ${pid} under "${fewest.name}", the fewest of its ${rows.length} names (${rows.map((r) => r.name).join(', ')})`,
    threadRows: { names: rows.length, total, ev: rows.map((r) => r.row.ev) },
  };
}
