// Joins the strace captures with what the rest of the bundle knows about the traced process:
// fd → path from lsof or /proc/PID/fd, thread names from /proc, ps -T and jstack, the logs.
import { analyzeStrace } from '../strace/analyze.js';
import type { FdPathInfo, StraceAnalysis } from '../strace/types.js';
import type { EvidenceRef } from '../types.js';
import type { HostModel } from './host.js';
import type { Assessment } from './suspects.js';

export interface StraceView {
  /** The traced process. */
  pid: number | null;
  files: string[];
  analysis: StraceAnalysis;
  /** The traced process is not the suspect (another instance, or the wrong pid was traced). */
  otherThanSuspect: boolean;
}

/** The strace captures to read: the suspect's when there are any, else all of them. */
function pickStraces(model: HostModel, suspects: readonly Assessment[]): HostModel['straces'] {
  for (const s of suspects) {
    const own = model.straces.filter((c) => c.pid === s.process.pid);
    if (own.length > 0) return own;
  }
  return model.straces;
}

function fdPathsOf(model: HostModel, pid: number): Map<number, FdPathInfo> {
  const paths = new Map<number, FdPathInfo>();
  const p = model.processes.get(pid);
  if (!p) return paths;
  // lsof before /proc/PID/fd: it names sockets and deleted files more fully.
  const views = [...p.fdViews].sort((a, b) => rank(a.tool) - rank(b.tool));
  for (const v of views) {
    for (const e of v.holder.entries) {
      const fd = Number(e.fd);
      if (!Number.isInteger(fd) || paths.has(fd) || e.name === '') continue;
      paths.set(fd, { path: e.name, source: v.tool === 'proc-fd' ? 'proc-fd' : 'lsof', ev: e.ev });
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

export function straceViewOf(model: HostModel, suspects: readonly Assessment[]): StraceView | null {
  const captures = pickStraces(model, suspects);
  if (captures.length === 0) return null;
  const pid = captures.find((c) => c.pid !== undefined)?.pid ?? null;
  const fdPaths = new Map<number, Map<number, FdPathInfo>>();
  if (pid !== null) fdPaths.set(pid, fdPathsOf(model, pid));
  const analysis = analyzeStrace(
    captures.map((c) => ({ file: c.file, artifact: c.data })),
    {
      pid: pid ?? undefined,
      fdPaths,
      threadNames: threadNamesOf(model, pid),
      logs: model.logs.map((l) => ({ file: l.file, path: l.path, artifact: l.data })),
      captureDate: localDate(captures.find((c) => c.capturedAt)?.capturedAt),
      timezone: model.timezone,
    },
  );
  const suspectPid = suspects[0]?.process.pid;
  return {
    pid: pid ?? analysis.rootCause?.pid ?? null,
    files: captures.map((c) => c.file),
    analysis,
    otherThanSuspect: suspectPid !== undefined && pid !== null && pid !== suspectPid,
  };
}
