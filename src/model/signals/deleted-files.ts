// Files a process holds after they were deleted or renamed away: the disk a deleted file holds
// stays used while its fd is open, and a file a rotation replaced was to be closed. Temporary
// files deleted on open, and the standard streams a process was given, are no sign of a leak.
import { dedupeRefs, type EvidenceRef } from '../../types.js';
import type { FdEntryList } from '../../sources/fd-entries.js';
import { formatBytes, formatNumber as fmt } from '../../format.js';
import type { CaseFacts, Signal } from '../signal.js';
import { isStdio, liveFiles, rotatedAway, rotatedGenerations, rotatedText, rotationBase } from './rotation.js';
import { countedAs } from '../row-counts.js';
import { addTo, top, type Place } from './places.js';
import { PILES } from '../piles.js';
import { maxOf, mostCounted } from '../../many-values.js';

/**
 * A temporary folder (`/tmp/`, `/var/tmp/`, a program's own `tmp/` or `temp/`), POSIX shared
 * memory, a memfd: where tmpfile(3), mkstemp(3) + unlink(2) and O_TMPFILE put files that are
 * deleted as soon as they are open, by design, so that they vanish when the program exits.
 */
const TEMP_PLACE = /(?:^|\/)te?mp\/|^\/dev\/shm\/|^\/memfd:/i;

/**
 * Deleted files a listing names that say nothing of a leak: in a temporary place, a program's
 * scratch files, unlinked on open (not a directory, lsof's TYPE `DIR`: tmpfile(3) and mkstemp(3)
 * make regular files; a directory held open after it was removed was a reader's, and it was to
 * close it); on fds 0-2, the standard streams it was started with (a shell's `> log 2>&1`, a
 * terminal since closed), which it cannot reopen.
 */
function deletedByDesign(list: FdEntryList): number {
  let n = 0;
  for (const i of list.ofKind('deleted-file')) {
    const stdio = ['0', '1', '2'].includes(list.fd(i));
    if (stdio || (TEMP_PLACE.test(list.name(i)) && list.type(i) !== 'DIR')) n++;
  }
  return n;
}

/**
 * The one path every deleted file of a listing is, when the listing shows each of the `count`
 * (a log removed by hand and held by each fd that had it): the statement names it.
 */
function onePath(list: FdEntryList, count: number): string | undefined {
  let path: string | undefined;
  let n = 0;
  for (const i of list.ofKind('deleted-file')) {
    const name = list
      .name(i)
      .trim()
      .replace(/ \(deleted\)$/, '');
    if (path !== undefined && name !== path) return undefined;
    path = name;
    n++;
  }
  return n === count ? path : undefined;
}

/** Files unlinked while open: the disk they hold stays used; the ones a rotation replaced were to be closed. */
export function deletedFiles(f: CaseFacts): Signal | null {
  const best = mostCounted([
    ...f.process.fdViews.map((v) => ({
      count: v.holder.deletedFiles,
      temp: deletedByDesign(v.holder.entries),
      where: v.file,
      path: onePath(v.holder.entries, v.holder.deletedFiles),
      evidence: v.holder.samples.deleted.slice(0, 5),
    })),
    ...countedAs(f.process, /delete/i).map((c) => ({ ...c, temp: 0, path: undefined })),
  ]);
  const bytes = Math.max(0, maxOf(f.process.fdViews.map((v) => v.holder.deletedBytes)));
  const rotated = mostCounted(f.process.fdViews.map((v) => rotatedAway(v.holder.entries, v.holder.deletedCopies)));
  const kept = rotated?.count ?? 0;
  // Scratch files deleted on open are how a program uses temporary files, and its standard streams
  // were given to it: only a pile of them (or the disk they hold, or files a rotation replaced) says more.
  const weak = best ? best.count - best.temp >= PILES.deleted.weak : false;
  if (!best || (best.count < PILES.deleted.decisive && !weak && bytes < PILES.deleted.weakBytes && kept === 0)) return null;
  return {
    id: 'deleted-files-held',
    kind: 'deleted-file',
    weight: best.count >= PILES.deleted.decisive || kept >= PILES.rotated.decisive ? 3 : 1,
    count: best.count,
    statement:
      `${fmt(best.count)} fd${best.count === 1 ? ' is a file' : 's are files'} already deleted (${best.where})` +
      (best.path ? `, ${best.count === 1 ? '' : best.count === 2 ? 'both ' : 'all '}${best.path}` : '') +
      (bytes > 0 ? `, holding ${formatBytes(bytes)} of disk` : '') +
      ': the space is not freed while the fds stay open' +
      (rotated && kept > 0 ? `; ${rotatedText(rotated, best.count)}.` : '.'),
    evidence: dedupeRefs([...(rotated?.evidence ?? []), ...best.evidence]).slice(0, 5),
  };
}

/**
 * Older copies of a file the process has open, still open themselves: `rsyslog.tmp.6` ... `.9`
 * beside `rsyslog.tmp`. A rotation renamed each; the process opened the new file and kept the
 * old one. A reader finishing the copy it was on holds one for a while; two or more are handles
 * left behind at each rotation.
 */
export function renamedAway(f: CaseFacts): Signal | null {
  let best: { count: number; base: string; file: string; live: boolean; evidence: EvidenceRef[] } | null = null;
  for (const v of f.process.fdViews) {
    const list = v.holder.entries;
    const live = liveFiles(list);
    const generations = rotatedGenerations(list);
    const byBase = new Map<string, Place>();
    for (const i of list.ofKind('file')) {
      if (isStdio(list.fd(i))) continue;
      const base = rotationBase(list.name(i));
      if (base !== null && (live.has(base) || generations.has(base))) addTo(byBase, base, i);
    }
    const top1 = top(byBase);
    if (top1 && (!best || top1[1].count > best.count))
      best = {
        count: top1[1].count,
        base: top1[0],
        file: v.file,
        live: live.has(top1[0]),
        evidence: top1[1].first.map((i) => list.ev(i)),
      };
  }
  if (!best) return null;
  const n = best.count;
  const beside = best.live ? `which it also has open (${best.file})` : `under more than one rotated name (${best.file})`;
  return {
    id: 'rotated-files-held',
    kind: 'file',
    weight: n >= PILES.rotated.decisive ? 3 : 1,
    count: n,
    statement:
      `${fmt(n)} fd${n === 1 ? ' is an older copy' : 's are older copies'} of ${best.base}, ${beside}: ` +
      `a rotation renamed ${n === 1 ? 'it' : 'each'}, and the process opened the new file without closing the old.`,
    evidence: best.evidence,
  };
}
