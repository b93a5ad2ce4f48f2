// inotify instances: one is enough for a program to watch any number of paths, so a process holding
// many makes one per something (a watcher per request, per reload) and never closes it. They run
// out long before the fds do: the kernel allows each user fs.inotify.max_user_instances of them (128
// by default), and then inotify_init fails with EMFILE, "Too many open files", with the open-files
// limit far away. A pile of them can never reach the sizes a pile of other kinds is judged by.
import { formatNumber as fmt } from '../../format.js';
import type { FdEntryList } from '../../sources/fd-entries.js';
import type { EvidenceRef } from '../../types.js';
import { countQuoted, countRefs, countedOfKind, kindOfGrep, rowsAreFds } from '../row-counts.js';
import type { ProcessModel } from '../host.js';
import type { Signal, SignalSource, Weight } from '../signal.js';
import { INOTIFY_PILE } from '../piles.js';

/** How a listing names an inotify instance: lsof's `inotify`, /proc's `anon_inode:inotify`, lsfd's `inotify`. */
const INOTIFY_NAME = /(?:^|[:[])inotify\b/;

function listedInstances(list: FdEntryList): { count: number; evidence: EvidenceRef[] } {
  const evidence: EvidenceRef[] = [];
  let count = 0;
  for (const i of list.ofKind('anon')) {
    if (!INOTIFY_NAME.test(list.name(i))) continue;
    count++;
    if (evidence.length < 4) evidence.push(list.ev(i));
  }
  return { count, evidence };
}

function weightOf(count: number): Weight | 0 {
  if (count >= INOTIFY_PILE.decisive) return 3;
  if (count >= INOTIFY_PILE.strong) return 2;
  return count >= INOTIFY_PILE.weak ? 1 : 0;
}

export const inotifySignals: SignalSource = ({ facts }) => {
  let best: { count: number; where: string; evidence: EvidenceRef[] } | null = null;
  for (const v of facts.process.fdViews) {
    const listed = listedInstances(v.holder.entries);
    if (listed.count > (best?.count ?? 0)) best = { ...listed, where: v.file };
  }
  // `find /proc/*/fd -lname anon_inode:inotify | … | uniq -c`, `ls -l /proc/PID/fd | grep -c inotify`.
  const counted = countedOfKind(facts.process, 'anon', /inotify/i);
  if (counted && counted.value > (best?.count ?? 0))
    best = { count: counted.value, where: countQuoted(counted), evidence: countRefs(counted) };
  const weight = best ? weightOf(best.count) : 0;
  if (best && weight !== 0) return [instances(best, weight)];
  // A host-wide lsof repeats each fd once per thread: its rows are that many instances at most, a pointer.
  const rows = threadRowsCounted(facts.process);
  if (!rows || weightOf(rows.value) === 0) return [];
  return [
    instances({ count: rows.value, where: `${countQuoted(rows)}; a thread may repeat a row`, evidence: countRefs(rows), rows: true }, 1),
  ];
};

/** `lsof | grep inotify | … | uniq -c`: the pid's lsof rows a grep for inotify picked, not known to be one per fd. */
function threadRowsCounted(p: ProcessModel): ProcessModel['pipelineCounts'][number] | undefined {
  return p.pipelineCounts
    .filter((c) => c.tool === 'lsof' && !rowsAreFds(p, c) && c.grep.every((g) => !g.startsWith('!')))
    .filter((c) => c.grep.some((g) => kindOfGrep(g) === 'anon' && /inotify/i.test(g)))
    .sort((a, b) => b.value - a.value)[0];
}

function instances(best: { count: number; where: string; evidence: EvidenceRef[]; rows?: true }, weight: Weight): Signal {
  return {
    id: 'inotify-instances',
    kind: 'anon-inode',
    what: 'inotify instances',
    weight,
    count: best.count,
    statement:
      (best.rows
        ? `${fmt(best.count)} lsof rows are of inotify instances (${best.where}): the instances are fewer, how many is unknown; one watches any number of paths, so many are one made per use and kept; `
        : `${fmt(best.count)} fds are inotify instances (${best.where}): one watches any number of paths, so these were made one per use and kept; `) +
      'the user runs out of them (fs.inotify.max_user_instances, 128 by default) long before the open-files limit, and inotify_init then fails with EMFILE, "Too many open files".',
    evidence: best.evidence,
  };
}
