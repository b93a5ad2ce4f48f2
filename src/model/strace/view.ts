// Joins the strace captures with what the rest of the bundle knows: which process each capture
// traced (the manifest, its command, its file name, or its tids as threads of a process in ps -eLf,
// ps -T, /proc/PID/task, lsof's TID column or jstack), fd → path from that process's lsof or
// /proc/PID/fd, thread names, the logs. Captures of one process are analysed together; two
// captures of the same window (say -ff and -ttt of one run) are read once: the richest.
import { analyzeStrace } from './analyze.js';
import type { FdPathInfo, StraceAnalysis } from './types.js';
import type { StraceArtifact } from '../../sources/strace/types.js';
import type { EvidenceRef } from '../../types.js';
import type { HostModel } from '../host.js';
import { tracedOnlyProcess } from '../processes.js';
import { tracedProgram } from '../pipeline.js';
import { appendTo, minOf } from '../../many-values.js';

export interface StraceView {
  /** The traced process; null when nothing in the bundle says which it was. */
  pid: number | null;
  /** How the traced pid is known, e.g. "its command: strace -p 4730"; null when it is assumed. */
  pidBasis: string | null;
  files: string[];
  analysis: StraceAnalysis;
  /** Captures of the same window in another form, not read again. */
  alternatives: string[];
}

type StraceCapture = HostModel['straces'][number];

export interface StraceGroup {
  /** The traced process: said by the bundle (basis set), or assumed (basis null). */
  pid: number | null;
  basis: string | null;
  captures: StraceCapture[];
}

/**
 * The strace captures grouped by the process they traced: what the bundle says (manifest, command,
 * file name, `Process N attached`), else the process their tids are threads of, else — assumed —
 * the smallest tid never seen being created (the main thread's tid is the pid); else (lines with no
 * pid, `strace ./prog`) a process of its own, known only by the capture: added to the model here.
 */
export function straceGroups(model: HostModel): StraceGroup[] {
  const groups = new Map<string, StraceGroup>();
  for (const c of model.straces) {
    const owner = ownerOf(c, model);
    const key = owner.pid !== null ? `pid ${owner.pid}` : `set ${captureSet(c.file)}`;
    const g = groups.get(key) ?? { pid: owner.pid, basis: owner.basis, captures: [] };
    g.basis ??= owner.basis;
    g.captures.push(c);
    groups.set(key, g);
  }
  for (const g of groups.values()) if (g.pid === null) g.pid = assumedPid(g.captures);
  for (const g of groups.values()) if (g.pid === null) Object.assign(g, onlyListedProcess(model, g.captures) ?? {});
  for (const g of groups.values()) if (g.pid === null) Object.assign(g, startedProgramProcess(model, g.captures) ?? {});
  for (const g of groups.values()) if (g.pid === null) Object.assign(g, knownByCapture(model, g.captures));
  return [...groups.values()];
}

/**
 * Captures that print a lone thread id nothing else names (`[pid 30966] accept(5, …) = -1 EMFILE`:
 * strace -f of a process, pasted as a few lines of one thread): the only process whose fds the
 * bundle lists, when every tid printed is above its pid (a process's threads are made after it) and
 * the captures start no program of their own. Null otherwise.
 */
function onlyListedProcess(model: HostModel, captures: StraceCapture[]): { pid: number; basis: string } | null {
  if (captures.some((c) => tracedProgram(c.command) !== undefined)) return null;
  const tids = captures.flatMap((c) => tidsOf(c.data)).filter((t) => t !== 0);
  const listed = [...model.processes.values()].filter((p) => p.pid >= 0 && p.fdViews.length > 0);
  if (tids.length === 0 || listed.length !== 1 || !tids.every((t) => t > listed[0].pid)) return null;
  const pid = listed[0].pid;
  const tid = minOf(tids);
  return { pid, basis: `pid ${pid} is the only process the bundle lists, and the strace's tid ${tid} names no other` };
}

/**
 * Captures whose command started a program (`strace -o t.strace -y ./tagidx tags`, no pid column):
 * the one process of the bundle by that name (`tagidx[11927]: open …: Too many open files` in its
 * log, `ls -l /proc/11927/fd` of it), when exactly one is known — the run the engineer then looked
 * at. Null with none, or with two or more of that name (which one was traced is not said).
 */
function startedProgramProcess(model: HostModel, captures: StraceCapture[]): { pid: number; basis: string } | null {
  const started = captures.map((c) => tracedProgram(c.command)).find((p) => p !== undefined);
  if (started === undefined) return null;
  const named = new Set<number>();
  for (const p of model.processes.values()) if (p.pid >= 0 && !p.lookup && sameProgram(p.command, started)) named.add(p.pid);
  // A log line's own prefix names its writer: `tagidx[11927]: open …: Too many open files`.
  for (const l of model.logs)
    for (const x of l.data.exhaustion?.samples ?? [])
      if (x.pid !== undefined && model.processes.has(x.pid) && sameProgram(x.program ?? null, started)) named.add(x.pid);
  if (named.size !== 1) return null;
  const [pid] = named;
  return { pid, basis: `the strace started ${started}, and pid ${pid} is the only ${started} the bundle shows` };
}

/** A process's command as ps or a log prints it (comm: cut at 15 characters) and a program's name. */
function sameProgram(command: string | null, program: string): boolean {
  return command !== null && (command === program || (command.length === 15 && program.startsWith(command)));
}

/** A process of its own for captures that name none: what the captures call it, never a pid. */
function knownByCapture(model: HostModel, captures: StraceCapture[]): { pid: number; basis: string } {
  const files = captures.map((c) => c.file);
  const started = captures.find((c) => tracedProgram(c.command) !== undefined);
  const p = tracedOnlyProcess(model, files, started && { program: tracedProgram(started.command)!, capture: started });
  return { pid: p.pid, basis: `nothing in the bundle: ${files.join(', ')} print${files.length === 1 ? 's' : ''} no pid` };
}

/** One analysis per traced process. */
export function straceViews(model: HostModel, groups: readonly StraceGroup[]): StraceView[] {
  return groups.map((g) => viewOf(model, g.pid, g.basis, g.captures));
}

/**
 * The smallest tid never seen being created: the traced process's main thread. Not when the
 * captures show one thread alone: strace prints a tid only when it follows several tasks, so a lone
 * tid is one of them, the main thread or not (a Go program's accept loop runs on any thread).
 */
function assumedPid(captures: StraceCapture[]): number | null {
  const created = new Set<number>();
  for (const c of captures) for (const e of c.data.events) if (e.kind === 'fork' && e.child !== undefined) created.add(e.child);
  const tids = new Set<number>();
  // Every tid with a line, not only those with fd events: the main thread may only wait.
  // tid 0 is the mark of a capture without a pid column, not a process.
  for (const c of captures) for (const tid of tidsOf(c.data)) if (tid !== 0) tids.add(tid);
  if (tids.size < 2) return null;
  let pid: number | null = null;
  for (const tid of tids) if (!created.has(tid) && (pid === null || tid < pid)) pid = tid;
  return pid;
}

/** The process a capture traced: what the bundle says, else the process its tids are threads of. */
function ownerOf(c: StraceCapture, model: HostModel): { pid: number | null; basis: string | null } {
  if (c.pid !== undefined) return { pid: c.pid, basis: c.pidBasis ?? null };
  // `strace: Process 4444 attached with 6 threads`: strace -p names the process it attached to first.
  if (c.data.attached.length > 0) return { pid: c.data.attached[0], basis: `strace: Process ${c.data.attached[0]} attached (${c.file})` };
  const votes = new Map<number, { n: number; ev: EvidenceRef; tid: number }>();
  for (const tid of tidsOf(c.data)) {
    const o = model.tidOwners.get(tid) ?? (model.processes.has(tid) ? { pid: tid, ev: undefined } : undefined);
    if (!o) continue;
    const v = votes.get(o.pid) ?? { n: 0, ev: o.ev as EvidenceRef, tid };
    v.n++;
    votes.set(o.pid, v);
  }
  let best: [number, { n: number; ev: EvidenceRef; tid: number }] | null = null;
  for (const e of votes) if (!best || e[1].n > best[1].n) best = e;
  if (!best) return { pid: null, basis: null };
  const [pid, v] = best;
  const where = v.ev ? ` (${v.ev.file}:${v.ev.line})` : '';
  return { pid, basis: v.tid === pid ? `tid ${pid} is the process itself${where}` : `tid ${v.tid} is a thread of pid ${pid}${where}` };
}

function tidsOf(a: StraceArtifact): number[] {
  const tids = a.threads.map((t) => t.tid);
  if (a.fileTid !== undefined) tids.push(a.fileTid);
  return tids;
}

/** `dir/trace.4783` → `dir/trace`: the files of one `strace -ff -o dir/trace` run. */
function captureSet(file: string): string {
  return file.replace(/\.\d+$/, '');
}

function viewOf(model: HostModel, pid: number | null, basis: string | null, captures: StraceCapture[]): StraceView {
  const { read, alternatives } = oneFormPerWindow(captures);
  const analysis = analyzeStrace(
    read.map((c) => ({ file: c.file, artifact: pid !== null && !model.processes.get(pid)?.lookup ? ownTids(c.data, pid) : c.data })),
    {
      pid: pid ?? undefined,
      fdPaths: pid !== null ? new Map([[pid, fdPathsOf(model, pid)]]) : new Map(),
      threadNames: threadNamesOf(model, pid),
      logs: model.logs.map((l) => ({ file: l.file, path: l.path, artifact: l.data })),
      captureDate: localDate(read.find((c) => c.capturedAt)?.capturedAt),
      timezone: model.timezone,
    },
  );
  if (basis === null && pid !== null) {
    analysis.quality.push({
      id: 'pid-assumed',
      message: `no capture says which process was traced: pid ${pid} (the smallest tid never seen being created) was assumed; give the pid (strace -p PID, or ps -eLf)`,
    });
  }
  return {
    pid: pid ?? analysis.rootCause?.pid ?? null,
    pidBasis: basis,
    files: read.map((c) => c.file),
    analysis,
    alternatives: alternatives.map((c) => c.file),
  };
}

/**
 * Splits captures into sets (one -ff run, or one file) and keeps one set per window: two sets
 * whose threads are mostly the same and whose times overlap (or cannot be compared) are two forms
 * of one capture; the one with more lines is read.
 */
function oneFormPerWindow(captures: StraceCapture[]): { read: StraceCapture[]; alternatives: StraceCapture[] } {
  const sets = new Map<string, StraceCapture[]>();
  for (const c of captures) {
    const key = c.data.fileTid !== undefined ? captureSet(c.file) : c.file;
    appendTo(sets, key, c);
  }
  const kept: StraceCapture[][] = [];
  const alternatives: StraceCapture[] = [];
  const bySize = [...sets.values()].sort((a, b) => linesOf(b) - linesOf(a));
  for (const set of bySize) {
    if (kept.some((k) => sameWindow(k, set))) alternatives.push(...set);
    else kept.push(set);
  }
  return { read: kept.flat(), alternatives };
}

/**
 * Lines without a pid column, read as tid 0, are the traced process's own: strace -p PID without
 * -f traces that one thread (its main thread's tid is the pid), and with -f strace prints no pid
 * column until it traces a second task, so the lines before the first fork are the traced pid's.
 */
function ownTids(a: StraceArtifact, pid: number): StraceArtifact {
  if (a.fileTid !== undefined) return a;
  const tid = (t: number) => (t === 0 ? pid : t);
  return {
    ...a,
    events: a.events.map((e) => (e.tid === 0 ? { ...e, tid: pid } : e)),
    threads: a.threads.map((t) => ({ ...t, tid: tid(t.tid) })),
    writes: a.writes.map((w) => ({ ...w, tid: tid(w.tid) })),
    eventTids: a.eventTids?.map(tid),
    eofKept: a.eofKept?.map((k) => ({ ...k, tid: tid(k.tid) })),
  };
}

function linesOf(set: StraceCapture[]): number {
  return set.reduce((n, c) => n + c.data.lines, 0);
}

function sameWindow(a: StraceCapture[], b: StraceCapture[]): boolean {
  const ta = new Set(a.flatMap((c) => tidsOf(c.data)));
  const tb = b.flatMap((c) => tidsOf(c.data));
  if (ta.size === 0 || tb.length === 0) return false;
  const shared = tb.filter((t) => ta.has(t)).length;
  if (shared < Math.min(ta.size, new Set(tb).size) * 0.5) return false;
  const wa = windowOf(a);
  const wb = windowOf(b);
  if (!wa || !wb || wa.base !== wb.base) return true;
  return wa.from <= wb.to && wb.from <= wa.to;
}

function windowOf(set: StraceCapture[]): { base: string; from: number; to: number } | null {
  const base = set[0].data.shape.timeBase;
  if (base !== 'clock' && base !== 'epoch') return null;
  let from = Infinity;
  let to = -Infinity;
  for (const c of set) {
    if (c.data.shape.timeBase !== base) return null;
    if (c.data.firstTime !== null) from = Math.min(from, c.data.firstTime);
    if (c.data.lastTime !== null) to = Math.max(to, c.data.lastTime);
  }
  return from <= to ? { base, from, to } : null;
}

function fdPathsOf(model: HostModel, pid: number): Map<number, FdPathInfo> {
  const paths = new Map<number, FdPathInfo>();
  const p = model.processes.get(pid);
  if (!p) return paths;
  // lsof before /proc/PID/fd: it names sockets and deleted files more fully.
  const views = [...p.fdViews].sort((a, b) => rank(a.tool) - rank(b.tool));
  for (const v of views) {
    const list = v.holder.entries;
    for (let i = 0; i < list.length; i++) {
      const fd = Number(list.fd(i));
      if (!Number.isInteger(fd) || paths.has(fd)) continue;
      const name = list.name(i);
      if (name !== '') paths.set(fd, { path: name, source: v.tool, ev: list.ev(i) });
    }
  }
  return paths;
}

const rank = (tool: string) => (tool === 'lsof' ? 0 : tool === 'lsfd' ? 1 : 2);

function threadNamesOf(model: HostModel, pid: number | null): Map<number, { name: string; ev?: EvidenceRef }> {
  const names = new Map<number, { name: string; ev?: EvidenceRef }>();
  const procs = pid !== null && model.processes.has(pid) ? [model.processes.get(pid)!] : [...model.processes.values()];
  for (const p of procs) {
    for (const t of p.threads.values()) if (t.name && !names.has(t.tid)) names.set(t.tid, { name: t.name, ev: t.ev[0] });
  }
  return names;
}

/** `2019-07-21T23:13:00+08:00` → `2019-07-21`: the date as the host's clock showed it. */
function localDate(at?: string): string | undefined {
  return at && /^\d{4}-\d\d-\d\d/.test(at) ? at.slice(0, 10) : undefined;
}
