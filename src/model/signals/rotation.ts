// Files a log rotation replaced, in one process's listing: deleted ones the process still holds
// (a newer file open at the same path, or a rotated log's name) and renamed older copies beside the
// live file. Read by the deleted-files-held and rotated-files-held signals (fd-kinds.ts).
import type { EvidenceRef } from '../../types.js';
import type { FdEntryList } from '../../sources/fd-entries.js';
import { formatNumber as fmt } from '../../format.js';

/** "2 of them were rotated away (...): the process kept them past the rotation, where it was to close them". */
export function rotatedText(r: RotatedAway, deleted: number): string {
  const reasons = [
    r.newer > 0 ? 'a newer file is open at the same path' : null,
    r.copies > 0 ? 'the same path is held deleted on another file, made again after the unlink' : null,
    r.count > r.newer + r.copies ? "the name is a rotated log's" : null,
  ].filter((x) => x !== null);
  const one = r.count === 1 && r.fds > 1 ? `, one file on ${fmt(r.fds)} fds,` : '';
  const which = r.fds === deleted ? (r.fds === 1 ? 'it was' : `all${one} were`) : `${fmt(r.fds)} of them${one} were`;
  return `${which} rotated away (${reasons.join(', or ')}): the process kept ${r.count === 1 ? 'it' : 'them'} past the rotation, where it was to close ${r.count === 1 ? 'it' : 'them'}`;
}

export interface RotatedAway {
  /** Files (a journal archive on several fds counts once). */
  count: number;
  /** The fds they are open on. */
  fds: number;
  /** Of those, the ones beside a live file at the same path. */
  newer: number;
  /** Of the others, the ones whose path the process holds deleted on another file too. */
  copies: number;
  evidence: EvidenceRef[];
}

/**
 * The deleted files of a listing that rotation replaced, not files unlinked on purpose (a temp
 * file a program unlinks as soon as it made it, as mysqld's are): the process has a live file
 * open at the same path, or holds the path deleted on another file too (`copies`, lsof's NODE
 * differs: the path was made again after each unlink — a scratch file's name is its own), or the
 * name is a rotated log's (`proxy.log-20210721`, `ingest.log.3`). A reader was to close such a
 * file at its end, a writer at its reopen. Fds 0-2 are left out: a shell's `> app.log 2>&1`
 * opened them, and the program cannot reopen them.
 */
export function rotatedAway(list: FdEntryList, copies: readonly string[] = []): RotatedAway {
  const out: RotatedAway = { count: 0, fds: 0, newer: 0, copies: 0, evidence: [] };
  const journals = new Set<string>();
  const deleted = list.ofKind('deleted-file');
  if (deleted.length === 0) return out;
  const live = liveFiles(list);
  for (const i of deleted) {
    if (isStdio(list.fd(i))) continue;
    const path = list.name(i).replace(/ \(deleted\)$/, '');
    const newer = live.has(path);
    const copy = !newer && copies.includes(path);
    if (!newer && !copy && !isRotatedLogName(path)) continue;
    out.fds++;
    // Each sd-journal context opens every file of its journal folder once (fluent-plugin-systemd
    // runs one per input): one archive on several fds is one file to each reader, counted once.
    if (!copy && JOURNAL_ARCHIVE.test(path)) {
      if (journals.has(path)) continue;
      journals.add(path);
    }
    out.count++;
    if (newer) out.newer++;
    if (copy) out.copies++;
    if (out.evidence.length < 3) out.evidence.push(list.ev(i));
  }
  return out;
}

/** The paths of a listing's regular files that are not deleted. */
export function liveFiles(list: FdEntryList): Set<string> {
  const live = new Set<string>();
  for (const i of list.ofKind('file')) live.add(list.name(i));
  return live;
}

export function isStdio(fd: string): boolean {
  return fd === '0' || fd === '1' || fd === '2';
}

/**
 * A rotation's suffix: `.1`, `-20210721` (logrotate's dateext, hourly too), `.2024-01-01`, each
 * date maybe followed by its time of day — kubelet's `0.log.20230703-022627` (`YYYYMMDD-HHMMSS`),
 * `my_log.2019-08-16-19-51` —, then a compressor's; or `.old`, the one previous copy a program
 * keeps when it starts a fresh log itself (LXC's `lxc.log.old`, X.org's `Xorg.0.log.old`).
 */
const ROTATION_SUFFIX =
  /[._-](?:\d{1,3}|\d{8}(?:\d{2}){0,3}|\d{8}[-_T]\d{4}(?:\d{2})?|\d{4}-\d{2}-\d{2}(?:[-_T]\d{2}){0,3}|old)(?:\.(?:gz|bz2|xz|zst))?$/;
/**
 * journald's archived journal: at rotation it renames `system.journal` (or `user-1000.journal`) to
 * `system@<seqnum id>-<first seqnum>-<first realtime>.journal`, 32, 16 and 16 hex digits. Only a
 * deleted one says rotated away: a journal reader opens the live archives of its folder by design,
 * so they have no rotation base (no older copy beside a live file).
 */
const JOURNAL_ARCHIVE = /@[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{16}\.journal$/;
/** What is left is a log's name: `proxy.log`, `catalina.out`, `app_err` (or the file is in a log folder). */
const LOG_STEM = /(?:^|[._-])(?:log|out|err)$/i;

/** `proxy.log-20210721` → `proxy.log`: the path before rotation added its suffix; null without one. */
export function rotationBase(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const suffix = ROTATION_SUFFIX.exec(name);
  if (!suffix || suffix.index === 0) return null;
  return path.slice(0, path.length - suffix[0].length);
}

/**
 * `proxy.log-20210721`, `ingest.log.3`, `/var/log/messages.1`, `lxc.log.old`, journald's
 * `system@…-…-….journal`: a log that rotation renamed.
 */
export function isRotatedLogName(path: string): boolean {
  if (JOURNAL_ARCHIVE.test(path)) return true;
  const base = rotationBase(path);
  if (base === null) return false;
  return LOG_STEM.test(base.slice(base.lastIndexOf('/') + 1)) || /\/logs?\//i.test(path);
}

/**
 * The logs a listing holds under two or more of the names rotation gave them (`audit.log.1` and
 * `audit.log.3`), keyed by the path before rotation: the process still had the older copy open
 * while the newer one was its live file, so it opened each new file without closing the old —
 * what a live file listed beside them shows (an excerpt, a grep, may leave the live file out).
 * Fds 0-2 are left out.
 */
export function rotatedGenerations(list: FdEntryList): Set<string> {
  const names = new Map<string, Set<string>>();
  for (const i of list.ofKind('file')) {
    if (isStdio(list.fd(i))) continue;
    const path = list.name(i);
    const base = rotationBase(path);
    if (base === null || !isRotatedLogName(path)) continue;
    const seen = names.get(base) ?? new Set<string>();
    if (seen.size < 2) seen.add(path);
    names.set(base, seen);
  }
  const out = new Set<string>();
  for (const [base, seen] of names) if (seen.size >= 2) out.add(base);
  return out;
}
