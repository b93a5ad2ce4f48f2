// Step 8: in strace, the thread that creates fds it never closes, grouped by call pattern.
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { straceCommand, threadLabel, tracePid } from './strace-common.js';
import type { Detail } from '../result.js';
import { capitalise } from '../text.js';
import { UNNUMBERED_TID, sentenceStart, threadOfPid } from '../process-label.js';

export const rule: Rule = {
  id: 'leaking-thread',
  step: 8,
  title: 'No thread keeps leaving fds open in the strace window',
  failureTitle: 'A thread creates fds it never closes',
  method:
    'Attach strace to every thread (`-f`) with wall-clock times (`-tt`), durations (`-T`) and fd paths (`-y`) for a ' +
    'minute. Follow each fd from the call that created it (`socket`, `accept4`, `openat`, `pipe2`, `dup`...) to the ' +
    '`close` that releases it. fds that were open before the capture began are not leaks of the window; fds created ' +
    'and never closed are. Group them by the creating thread and by what happened to them (`socket → connect = -1 ' +
    'ECONNREFUSED → no close`): a leak repeats the same pattern, again and again, in one thread.',
  check(ctx): RuleOutcome {
    const view = ctx.strace;
    if (!view) {
      return missing(
        'strace of the suspect (which thread creates the fds that are never closed)',
        straceCommand(tracePid(ctx)),
        'Without strace the leak is known by its result, not by the code that makes it.',
      );
    }
    const a = view.analysis;
    // A window of a few milliseconds is "under 0.1 s", not "0 s".
    const window =
      a.windowSeconds === null ? 'the capture' : a.windowSeconds < 0.05 ? 'under 0.1 s' : `${fmt(Math.round(a.windowSeconds * 10) / 10)} s`;
    const table: Detail = {
      type: 'table',
      caption: 'fds created and never closed in the window, by thread and pattern',
      headings: ['tid', 'thread', 'pattern', 'fds', 'first', 'last', 'per minute'],
      rows: a.leaks.slice(0, 15).map((l) => [...tidCells(l.tid, l.threadName), l.signature, l.count, l.firstTime, l.lastTime, l.perMinute]),
      highlightRows: ctx.straceLeak ? [Math.max(0, a.leaks.indexOf(ctx.straceLeak.group))] : [],
    };
    const threads: Detail = {
      type: 'table',
      caption: 'Threads by fds left open',
      headings: ['tid', 'thread', 'syscall lines', 'fds created', 'closed', 'left open', 'forks', 'failed connects'],
      rows: a.threads
        .slice(0, 15)
        .map((t) => [...tidCells(t.tid, t.name), t.lines, t.creates, t.closes, t.leaked, t.forks, t.failedConnects]),
    };
    const top = ctx.straceLeak?.group;
    if (!top) {
      const open = a.leakedTotal;
      const info = (detail: string) => ({ status: 'info' as const, severity: 'info' as const, evidence: [], details: [threads], detail });
      if (open === 0 && a.quality.some((q) => q.id === 'close-not-traced')) {
        return info(
          `In ${window} of strace (${view.files.join(', ')}), no close that succeeded is printed (its filter leaves close out, ` +
            'or it prints failed calls only): which of the fds it made were closed is unknown.',
        );
      }
      // Nothing made in the window: no sign of health, only of which thread was traced.
      if (open === 0 && a.threads.every((t) => t.creates === 0)) {
        const oneThread = a.quality.some((q) => q.id === 'no-follow');
        return info(
          `In ${window} of strace (${view.files.join(', ')}), the traced thread${a.threads.length === 1 ? '' : 's'} made no fd: ` +
            'the window shows nothing of how the fds are made' +
            (oneThread
              ? '; strace without -f follows one thread, so another thread of the process may be the one that makes them (use strace -f).'
              : '.'),
        );
      }
      return {
        status: open === 0 ? 'pass' : 'info',
        severity: 'info',
        evidence: a.leaks[0]?.evidence.slice(0, 2) ?? [],
        details: [table, threads],
        detail:
          open === 0
            ? `In ${window} of strace (${view.files.join(', ')}), every fd created was closed (${fmt(a.preexisting)} fd${a.preexisting === 1 ? ' was' : 's were'} already open before the capture began).`
            : `In ${window} of strace (${view.files.join(', ')}), ${fmt(open)} fd${open === 1 ? ' was' : 's were'} still open when the capture ended, ` +
              'but no thread leaves one kind open again and again after a failure or closes little of what it creates: the window alone shows fds in use, not which of them leak.',
      };
    }
    const chart: Detail = {
      type: 'chart',
      chart: 'leaks-over-time',
      caption: 'fds left open over the window, per thread (cumulative)',
      data: cumulative(a.leaksOverTime, a.threads),
    };
    // The first few leaks and the last show the pattern; the table above has the counts.
    // A strace without a tid column: its events carry no tid (never 0).
    const events = (a.timeline.length > 10 ? [...a.timeline.slice(0, 8), ...a.timeline.slice(-2)] : a.timeline).map((e) => {
      const { tid, ...rest } = e;
      return tid === UNNUMBERED_TID ? rest : e;
    });
    const timeline: Detail = {
      type: 'timeline',
      caption: `Leaks of ${threadLabel(top.tid, top.threadName)}${a.timeline.length > 10 ? ` (first 8 and last 2 of ${a.timeline.length} events)` : ''}`,
      events,
    };
    const others =
      a.leaks.length > 1
        ? ` ${a.leaks.length - 1} other pattern${a.leaks.length === 2 ? '' : 's'} left ${fmt(a.leakedTotal - top.count)} more.`
        : '';
    const why = ctx.straceLeak ? ` ${capitalise(ctx.straceLeak.why)}.` : '';
    const rate = top.perMinute !== null ? ` (${fmt(top.perMinute)} per minute)` : '';
    // The thread's pattern is a signal of the case; alone it may not add up to a leak (a pattern of
    // no known kind, weight 2): the finding then points, as the verdict does, and fails nothing.
    const leaking = ctx.verdict === 'leak';
    return {
      status: leaking ? 'fail' : 'info',
      severity: leaking ? 'high' : 'medium',
      title: `${sentenceStart(threadLabel(top.tid, top.threadName))} creates fds it never closes`,
      detail:
        `In ${window} of strace, ${threadOfPid(top.tid, top.threadName, top.pid)} created ${fmt(top.count)} fds it never closed${rate}, ` +
        `always the same way: ${top.signature}.${why}${others}`,
      evidence: top.evidence,
      details: [table, chart, timeline, threads],
    };
  },
};

/** A thread's tid and name cells: a strace without a tid column shows no tid (never 0), and says whose lines they are. */
function tidCells(tid: number, name: string | null): [number | null, string | null] {
  return tid === UNNUMBERED_TID ? [null, name ?? threadLabel(tid)] : [tid, name];
}

/** Cumulative leaks per thread over time, the shape the leaks-over-time chart draws. */
function cumulative(
  buckets: { tid: number; bucket: string; count: number }[],
  threads: { tid: number; name: string | null }[],
): Record<string, unknown>[] {
  const total = new Map<number, number>();
  return buckets.map((b) => {
    const n = (total.get(b.tid) ?? 0) + b.count;
    total.set(b.tid, n);
    const [tid, thread] = tidCells(b.tid, threads.find((t) => t.tid === b.tid)?.name ?? null);
    return { time: b.bucket, tid, thread, count: n };
  });
}
