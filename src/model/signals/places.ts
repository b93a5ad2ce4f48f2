// The fds a listing names by where they are: one path open many times, or many files of one
// folder. Read by the file signals and by a partial listing's share (fd-kinds.ts).
import type { EvidenceRef } from '../../types.js';
import type { FdKind } from '../../sources/artifacts.js';
import type { FdEntryList } from '../../sources/fd-entries.js';
import { MEMFD_PREFIX } from '../../sources/fd-kind.js';

/** Entries of one name or folder: how many, and the first three (the evidence). */
export interface Place {
  count: number;
  first: number[];
}

export function addTo(places: Map<string, Place>, key: string, i: number): void {
  const p = places.get(key);
  if (p === undefined) places.set(key, { count: 1, first: [i] });
  else if (p.count++ < 3) p.first.push(i);
}

export const FILE_KINDS: FdKind[] = ['file', 'deleted-file', 'device'];

/**
 * The entries of a listing that name one file each: files, devices, and folders opened by their
 * path — lsof's `DIR` row of a directory stream (`opendir(3)` of `/proc/21796/fd` each scan, never
 * `closedir`ed), which `ls -l /proc/PID/fd` shows as its path like any file. Not a `DIR` row named
 * by no path: old lsof's `DIR 0,10 0 1 inotify`, an inotify instance.
 */
export function fileEntries(list: FdEntryList): number[] {
  const out = list.ofKind(...FILE_KINDS, 'dir');
  return out.filter((i) => list.kind(i) !== 'dir' || list.name(i).startsWith('/'));
}

/**
 * Files (or devices) listed on one path, or in one folder: "the same file" / "files in F"; `unlinked`
 * when most of them are files removed while open (Traffic Router's Tomcat holding its
 * `temp/loc….dat (deleted)` files; liquidsoap's ten `/tmp/liq….mp3 (deleted)` beside the one it still
 * reads): the place's pile is of deleted files, not of live ones. The
 * same file wins over its folder when `alone` says its own count is enough.
 */
export function sharedPlace(
  list: FdEntryList,
  alone: (count: number) => boolean = () => false,
): { count: number; what: string; evidence: EvidenceRef[]; unlinked: boolean } | null {
  const byPath = new Map<string, Place>();
  const byDir = new Map<string, Place>();
  const deleted = new Map<string, number>();
  const live = new Map<string, number>();
  const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const numbered = numberedArchives(list);
  for (const i of list.ofKind(...FILE_KINDS)) {
    const path = list.name(i).replace(/ \(deleted\)$/, '');
    const seen = list.kind(i) === 'deleted-file' ? deleted : live;
    addTo(byPath, path, i);
    add(seen, path);
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    if (dir.length > 1 && !(list.kind(i) === 'file' && openByDesign(path, numbered))) {
      addTo(byDir, dir, i);
      add(seen, dir);
    }
  }
  const path = top(byPath);
  const dir = top(byDir);
  const evidence = (p: Place) => p.first.map((i) => list.ev(i));
  const unlinked = (key: string) => (deleted.get(key) ?? 0) > (live.get(key) ?? 0);
  // One path open again and again is named as such whenever it alone says what fills the table: the
  // folder around it also holds the process's own stdio (`/dev/null` beside 11 `/dev/urandom`).
  if (path && (path[1].count >= (dir?.[1].count ?? 0) || alone(path[1].count))) {
    return { count: path[1].count, what: `the same file, ${path[0]}`, evidence: evidence(path[1]), unlinked: unlinked(path[0]) };
  }
  return dir ? { count: dir[1].count, what: `files in ${dir[0]}`, evidence: evidence(dir[1]), unlinked: unlinked(dir[0]) } : null;
}

/**
 * A program's own code: a JVM keeps each jar of its classpath open (the class loader reads classes
 * from it on demand), a process its shared libraries. Distinct ones of one folder, each open once,
 * are how it runs, not a pile; the same one open many times (a class loader made per request) is
 * still "the same file", and deleted ones (a native library unpacked to a temporary file per load)
 * still a folder's pile.
 */
const CODE_ARCHIVE = /\.(?:jar|war|ear|so(?:\.\d{1,6}){0,4}|dll|dylib|node)$/i;

/**
 * systemd's journal files, live or archived (`system.journal`, `user-1092@…-…-….journal`, a
 * dirty archive's `….journal~`): a journal reader (sd-journal: journalctl, fail2ban's systemd
 * backend, rsyslog's imjournal, node-problem-detector) opens every file of its journal folder,
 * each once, by design — as many as the folder holds. Not a pile; deleted ones (an archive
 * journald removed and the reader never closed) still are (deleted-files-held).
 */
const JOURNAL_FILE = /\.journal~?$/;

/** A file a process keeps open by design, each once: its code, or the journal files it reads. */
function openByDesign(path: string, numbered: ReadonlySet<string>): boolean {
  return (CODE_ARCHIVE.test(path) && !numbered.has(numberedName(path))) || JOURNAL_FILE.test(path);
}

/** A path with each run of digits as `N`: the name pattern of files that differ only in their numbers. */
function numberedName(path: string): string {
  return path.replace(/\d+/g, 'N');
}

/** Distinct code archives of one numbered name from this many on are opened per use, not a classpath. */
const NUMBERED_ARCHIVES = 3;

/**
 * The name patterns of code archives listed as three or more distinct files that differ only in
 * their numbers (`plugins/plugin-0089.jar` … `plugin-0093.jar`): a classpath names each jar after
 * its library (`netty-codec-4.1.86.Final.jar` beside `netty-common-…`), a process's libraries
 * likewise; a jar per plugin, job or lookup opened with `new ZipFile(…)` and never closed is
 * numbered. Those are files like any other, not code kept open by design.
 */
function numberedArchives(list: FdEntryList): Set<string> {
  const byName = new Map<string, Set<string>>();
  for (const i of list.ofKind('file')) {
    const path = list.name(i);
    if (!CODE_ARCHIVE.test(path)) continue;
    const name = numberedName(path);
    if (name === path) continue;
    const paths = byName.get(name) ?? new Set<string>();
    if (paths.size < NUMBERED_ARCHIVES) paths.add(path);
    byName.set(name, paths);
  }
  return new Set([...byName].filter(([, paths]) => paths.size >= NUMBERED_ARCHIVES).map(([name]) => name));
}

/**
 * The fds of a listing that a program keeps open by design: distinct files of its code (a
 * classpath's jars, its libraries) or of the journal it reads, each listed once. A share of what
 * fills the table is taken of the other fds: the code is the same few hundred fds whatever leaks
 * (a JVM's jars below Parkour's player file open on fds 483-489), the journal's files as many as
 * its folder holds (fail2ban's archived `user-1092@….journal` rows, fds 92-101).
 */
export function filesOpenByDesign(list: FdEntryList): number {
  const times = new Map<string, number>();
  const numbered = numberedArchives(list);
  for (const i of list.ofKind('file')) {
    const path = list.name(i);
    if (openByDesign(path, numbered)) times.set(path, (times.get(path) ?? 0) + 1);
  }
  let n = 0;
  for (const t of times.values()) if (t === 1) n++;
  return n;
}

/** The place with the most entries; of several, the first listed. */
export function top(places: Map<string, Place>): [string, Place] | undefined {
  let best: [string, Place] | undefined;
  for (const p of places) if (!best || p[1].count > best[1].count) best = p;
  return best;
}

/**
 * Distinct files of one folder, or of one name pattern — names that differ only in their numbers
 * (`locks/job-000001.lock` … `job-000508.lock`, `/memfd:thumb-1` … `thumb-1020`): one file per
 * job, request or render, each opened and never closed. Each path counts once (one path open many
 * times is "the same file"); files open by design (code, journal files) and files unlinked while open (a
 * memfd aside: every tool shows it `(deleted)`) are not counted. The larger of the two piles.
 */
export function filesOfOnePlace(list: FdEntryList): { count: number; what: string; evidence: EvidenceRef[] } | null {
  const seen = new Set<string>();
  const byDir = new Map<string, Place>();
  const byPattern = new Map<string, Place>();
  const numbered = numberedArchives(list);
  for (const i of list.ofKind('file')) {
    const name = list.name(i);
    const memfd = name.startsWith(MEMFD_PREFIX);
    if (name.endsWith(DELETED) && !memfd) continue;
    const path = memfd ? name.slice(0, name.length - (name.endsWith(DELETED) ? DELETED.length : 0)) : name;
    if (seen.has(path) || openByDesign(path, numbered)) continue;
    seen.add(path);
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    if (dir.length > 1) addTo(byDir, dir, i);
    const pattern = numberedName(path);
    if (pattern !== path) addTo(byPattern, pattern, i);
  }
  const dir = top(byDir);
  const pattern = top(byPattern);
  const evidence = (p: Place) => p.first.map((i) => list.ev(i));
  if (pattern && pattern[1].count >= (dir?.[1].count ?? 0)) {
    return { count: pattern[1].count, what: `files named ${pattern[0]} (N a number)`, evidence: evidence(pattern[1]) };
  }
  return dir ? { count: dir[1].count, what: `distinct files in ${dir[0]}`, evidence: evidence(dir[1]) } : null;
}

const DELETED = ' (deleted)';
