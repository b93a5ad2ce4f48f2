// Connections in one TCP state counted per process by a pipeline of a connection listing:
//   ss -tanp state close-wait | grep -oP 'pid=\K\d+' | sort | uniq -c | sort -rn
//   12000 12345
//   netstat -tanp | grep CLOSE_WAIT | awk '{print $7}' | sort | uniq -c
//   310 4242/java
// Each row is that many CLOSE_WAIT sockets of the pid it names: ss -p names a socket's holders by
// `pid=N`, netstat -p by its `PID/Program name` column.
import type { CountTableArtifact } from '../sources/artifacts.js';
import type { EvidenceRef } from '../types.js';
import { commandTool, interpretCount, splitPipeline, words } from './pipeline.js';

type CountRow = CountTableArtifact['rows'][number];

/** A row key that is a pid: `12345`, ss's `pid=12345` (or `pid=12345,`), netstat's `12345/java`. */
const PID_KEY = /^(?:pid=)?(\d{1,9}),?(?:\/[\w.:@-]{0,64})?$/;
/** ss's state filter: `state close-wait` (also `CLOSE-WAIT`, `close_wait`). */
const SS_CLOSE_WAIT = /^close[-_]?wait$/i;

/**
 * The CLOSE_WAIT sockets per pid a count table gives, when its command lists connections (ss,
 * netstat) in CLOSE_WAIT only — `state close-wait`, or a grep for CLOSE_WAIT — and keys them by
 * the process column (`grep -o 'pid=…'`, netstat's 7th column, or keys that are `PID/program`).
 * Anything else (a tally by peer, by state, a table of another state): none.
 */
export function closeWaitPerPid(command: string, rows: readonly CountRow[]): { pid: number; count: number; ev: EvidenceRef }[] {
  const tool = commandTool(command);
  if (tool !== 'ss' && tool !== 'netstat') return [];
  const meaning = interpretCount(command);
  if (meaning?.measure !== 'rows-per-key') return [];
  const first = words(splitPipeline(command.trim().replace(/^[$#]\s+/, ''))[0] ?? '');
  const stateFilter = tool === 'ss' && first.some((w, i) => w === 'state' && SS_CLOSE_WAIT.test(first[i + 1] ?? ''));
  const grep = meaning.grep ?? [];
  const grepped = grep.some((g) => /^close.?wait$/i.test(g));
  if ((!stateFilter && !grepped) || grep.some((g) => g.startsWith('!') && /close.?wait/i.test(g))) return [];
  const byProcessColumn = (tool === 'netstat' && meaning.key === '$7') || /pid=/.test(command) || rows.every((r) => /\//.test(r.key));
  if (!byProcessColumn) return [];
  const out: { pid: number; count: number; ev: EvidenceRef }[] = [];
  for (const row of rows) {
    const m = PID_KEY.exec(row.key);
    if (!m) return [];
    out.push({ pid: Number(m[1]), count: row.count, ev: row.ev });
  }
  return out;
}
