// One process's TCP sockets tallied by state: its connections, as a listing with a process column
// gives them, counted.
//   lsof -n -p 54367 | grep -Eo "\(.*\)$" | sort | uniq -c      1229 (CLOSE_WAIT)   190 (ESTABLISHED)   3 (LISTEN)
//   lsof -p 4242 | awk '{print $NF}' | sort | uniq -c            the same keys, beside the other rows' NAMEs
// lsof prints a TCP socket's state in parentheses at the end of its row; only TCP rows end in one,
// so such a tally is of the process's TCP sockets. Its last column (`$NF`) is every other row's NAME
// too — the header's `NAME`, its files' paths, a UDP socket's address —: those keys are its other
// rows, not TCP sockets, and are passed over (`196 (CLOSE_WAIT)` above `3 /dev/null`). A `| head`
// after `sort -rn` keeps the largest keys: a state it cut is not counted. The process is the one the command names
// (`lsof -p PID`); a host-wide tally (`netstat -an | awk … | uniq -c`) is nobody's.
import type { CountTableArtifact } from '../sources/artifacts.js';
import type { TcpState } from '../sources/fd-entry.js';
import { tcpStateOf } from '../sources/netstat.js';
import type { EvidenceRef } from '../types.js';
import type { CountMeaning } from './pipeline.js';

type CountRow = CountTableArtifact['rows'][number];

/** `(CLOSE_WAIT)` (lsof's spelling) or `CLOSE_WAIT` / `CLOSE-WAIT`: the state; undefined for any other key. */
export function stateOfKey(key: string): TcpState | undefined {
  const word = key.startsWith('(') && key.endsWith(')') ? key.slice(1, -1) : key;
  return tcpStateOf(word);
}

/** CLOSE_WAIT's name cut short, from `CLOSE` on: `CLOSE`, `CLOSE_`, `CLOSE-W`, `CLOSE_WAI`. */
const CLOSE_WAIT_START = /^CLOSE(?:[_-](?:W(?:A(?:I)?)?)?)?$/;

/**
 * The TCP state a grep's pattern picks netstat's or ss's rows by: a state's name, or the start of
 * CLOSE_WAIT's from `CLOSE` on. Both tools print states in capitals, so `grep CLOSE` and
 * `grep -i close` keep the CLOSE_WAIT rows — and CLOSING's, a state of an instant that never piles
 * up (nethermind#6465's `netstat -an | grep -i close | wc -l` = 1484). `-i` ignores case; without
 * it a lowercase word matches no state.
 */
export function grepState(pattern: string, ignoreCase: boolean): TcpState | undefined {
  const text = ignoreCase ? pattern.toUpperCase() : pattern;
  // A grep matches within the row: `CLOSE` keeps CLOSE_WAIT rows before it names netstat's CLOSE state.
  return CLOSE_WAIT_START.test(text) ? 'CLOSE_WAIT' : stateOfKey(text);
}

export interface StateTally {
  pid: number;
  /** The TCP sockets tallied: the sum of the counts. */
  rows: number;
  byState: Partial<Record<TcpState, number>>;
  /** The rows of the tally, CLOSE_WAIT first. */
  evidence: EvidenceRef[];
}

/**
 * The TCP sockets of one process by state, when a count table's keys are all TCP states (or, keyed
 * by lsof's last column, some are) and its command is lsof picking one process by pid (`-p PID`),
 * with no grep that picks rows by anything but their state's form. Anything else: null.
 */
export function stateTallyOf(meaning: CountMeaning | null, rows: readonly CountRow[]): StateTally | null {
  if (meaning?.tool !== 'lsof' || meaning.measure !== 'rows-per-key' || meaning.pid === undefined || rows.length === 0) return null;
  // `grep -Eo "\(.*\)$"` keeps each row's state; a grep for a word (`grep 443`) picks some rows only.
  if ((meaning.grep ?? []).some((g) => /^!?[\w.:-]+$/.test(g) && stateOfKey(g.replace(/^!/, '')) === undefined)) return null;
  const lastColumn = meaning.key === '$NF';
  const byState: Partial<Record<TcpState, number>> = {};
  let total = 0;
  for (const row of rows) {
    const state = stateOfKey(row.key);
    if (state === undefined && lastColumn) continue;
    if (state === undefined) return null;
    byState[state] = (byState[state] ?? 0) + row.count;
    total += row.count;
  }
  if (total === 0) return null;
  const first = rows.filter((r) => stateOfKey(r.key) === 'CLOSE_WAIT');
  const states = rows.filter((r) => stateOfKey(r.key) !== undefined);
  const evidence = [...first, ...states.filter((r) => !first.includes(r))].map((r) => r.ev);
  return { pid: meaning.pid, rows: total, byState, evidence };
}
