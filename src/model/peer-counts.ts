// A count of a connection listing's rows picked by one remote end alone, beside rows of that
// listing (`netstat -anp | grep 127.0.0.1.4001 | wc -l` = 56467 beside `netstat -anp`'s excerpt,
// kubernetes#8229): the grep picks no process, so the count is the peer's connections, whoever
// holds them. When the rows shown that end at that peer are nearly all (≥ 80 %, at least three)
// one process's, that process is its client, and the count stands for its connections to it —
// halved for a loopback peer, whose every connection the listing shows twice (the client's row to
// the peer and the peer's own row back). Fewer rows shown, or a mixed owner, and the count stays
// nobody's.
import type { HostModel } from './host.js';
import { processOf } from './processes.js';
import { peerOnlyCount } from './program-sockets.js';
import { splitPipeline } from '../shell.js';
import { words } from './command-segments.js';

/** Rows shown to the peer, and the share of them one process must hold, for the count to be its. */
const FEW_SHOWN = 3;
const NEARLY_ALL = 0.8;
/** Loopback hosts: both ends of each connection are on this host, in the same listing. */
const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

function sameCommand(a: string, b: string): boolean {
  const norm = (c: string) =>
    splitPipeline(c.trim().replace(/^[$#>]\s+/, ''))
      .map((s) => words(s).join(' '))
      .join(' | ');
  return norm(a) === norm(b);
}

export function peerCountsOfListings(model: HostModel): void {
  for (const c of model.toolLineCounts) {
    const picked = peerOnlyCount(c.basis);
    if (!picked) continue;
    const listings = [...model.netstat, ...model.ssListings].filter(
      (t) => t.command !== undefined && sameCommand(t.command, picked.listing),
    );
    const shown = listings.flatMap((t) => t.data.peerRows ?? []).filter((r) => r.peer === picked.peer);
    if (shown.length !== 1) continue;
    const [row] = shown;
    const top = row.owners[0];
    if (!top || top.rows < FEW_SHOWN || top.rows < row.rows * NEARLY_ALL) continue;
    const host = picked.peer.slice(0, picked.peer.lastIndexOf(':'));
    const halved = LOOPBACK.test(host);
    const value = halved ? Math.floor(c.value / 2) : c.value;
    processOf(model, top.pid).connections.push({
      rows: 0,
      byState: {},
      evidence: [c.ev],
      file: c.ev.file,
      peerCount: {
        peer: picked.peer,
        value,
        ev: c.ev,
        basis: c.basis,
        shown: { rows: top.rows, of: row.rows },
        ...(halved ? { counted: c.value } : {}),
      },
    });
  }
}
