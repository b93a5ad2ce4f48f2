// Whole fd listings of one process, each taken at a known time (`date -u` typed before each
// `lsof -p PID`, a `watch` screen's header): each is a count of its fds at that time, so two or more
// of them are timed samples of its fd count, as a count loop's lines are (fd-growth reads them).
import type { FdSnapshot } from '../sources/artifacts.js';
import type { FdView } from './host.js';

/** One tool's views only: lsof's, lsfd's and `ls -l`'s counts of the same table agree, but are not mixed. */
export function datedListingSamples(views: readonly FdView[]): FdSnapshot[] {
  const byTool = new Map<FdView['tool'], Map<string, FdView>>();
  for (const v of views) {
    if (v.at === undefined || v.partial || v.tally !== undefined || v.tool === 'valgrind' || v.holder.fds === 0) continue;
    const times = byTool.get(v.tool) ?? new Map<string, FdView>();
    if (!times.has(v.at)) times.set(v.at, v);
    byTool.set(v.tool, times);
  }
  let best: Map<string, FdView> | undefined;
  for (const times of byTool.values()) if (times.size >= 2 && (!best || times.size > best.size)) best = times;
  if (!best) return [];
  return [...best.values()].map((v) => ({
    at: v.at!,
    pid: v.holder.pid,
    total: v.holder.fds,
    byKind: { ...v.holder.byKind },
    ev: v.holder.firstEvidence,
  }));
}
