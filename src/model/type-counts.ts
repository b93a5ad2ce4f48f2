// `lsof -p PID | awk '{print $5}' | sort | uniq -c`: a process's lsof rows counted by TYPE. With
// thousands of fds it is what an engineer saves instead of the listing: every row, by kind, with
// no fd numbers and no names. Its rows are the process's fds plus lsof's cwd, rtd, txt and mem
// rows (DIR and REG), so it over-counts files and folders by a few.
import type { CountTableArtifact, FdHolder, FdKind } from '../sources/artifacts.js';
import { FdEntryList, Vocabulary } from '../sources/fd-entries.js';
import { isLsofType, lsofKind } from '../sources/fd-kind.js';
import { UNNAMED_PID } from '../sources/artifacts.js';

type CountRow = CountTableArtifact['rows'][number];

/** Every key is a word of lsof's TYPE column (REG, sock, FIFO, a_inode, IPv4 ...): a count of rows by TYPE. */
export function keyedByLsofType(rows: readonly CountRow[]): boolean {
  return rows.length > 0 && rows.every((r) => isLsofType(r.key));
}

/**
 * The fd holder a TYPE count stands for: its kinds, its rows (`fds` is every row counted: fds and
 * lsof's rows that are not fds), and lsof's `sock` rows as the sockets it found in no table.
 */
export function typeCountHolder(file: string, rows: readonly CountRow[], pid = UNNAMED_PID): FdHolder {
  const byKind: Partial<Record<FdKind, number>> = {};
  const byType: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    const kind = lsofKind(r.key, '', '');
    byKind[kind] = (byKind[kind] ?? 0) + r.count;
    byType[r.key] = (byType[r.key] ?? 0) + r.count;
    total += r.count;
  }
  const sock = rows.filter((r) => lsofKind(r.key, '', '') === 'socket-unconnected');
  return {
    pid,
    command: '',
    rows: total,
    threadRows: 0,
    fds: total,
    otherRows: 0,
    byKind,
    byType,
    unidentifiedSockets: byKind['socket-unconnected'] ?? 0,
    closeWait: 0,
    deletedFiles: 0,
    deletedBytes: 0,
    samples: { unidentified: sock.map((r) => r.ev), closeWait: [], deleted: [] },
    entries: new FdEntryList(file, new Vocabulary(), 0),
    firstEvidence: rows[0].ev,
  };
}
