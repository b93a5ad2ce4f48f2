// One entry point for the strace evidence: merge the files, replay fd lifecycles, find leaks by
// thread and signature, fork/cloexec races, the leaking thread's log file and log lines, and a
// root-cause candidate whose statement can be checked against the cited lines.
import { ref, type EvidenceRef } from '../../types.js';
import { evidenceOf, findCloexecRaces, findNonExecChildren } from './cloexec-race.js';
import { eofKeptRootCause } from './eof-root-cause.js';
import { linkFdsToLogs, type WritesOf } from './fd-log.js';
import { logMessage } from '../../sources/log-message.js';
import { leakSignature, replayLifecycle, type LifecycleResult, type OpenFd } from './lifecycle.js';
import { mergeEvents } from './merge.js';
import { formatTime } from './time.js';
import type {
  CloexecRace,
  FdLogLink,
  InheritOutcome,
  LeakGroup,
  LeakPattern,
  StraceAnalysis,
  StraceContext,
  StraceExhaustion,
  StraceRootCause,
  ThreadSummary,
} from './types.js';
import type { StraceArtifact } from '../../sources/strace/types.js';
import { capitalise } from '../../text.js';
import { formatNumber } from '../../format.js';
import { threadOfPid } from '../../process-label.js';
import { appendTo, maxOf } from '../../many-values.js';

export interface StraceInput {
  file: string;
  artifact: StraceArtifact;
}

const MAX_TIMELINE = 200;
const IN_CHILD: Record<InheritOutcome, string> = {
  kept: 'the child kept it after execve',
  closed: 'the child closed it',
  'exec-closed': "the child's execve closed it",
  unknown: 'what the child did is not shown',
  'no-exec': 'the child never execed',
};
/** A leak pattern must show up in at least this many tenths of the window to be a root cause. */
const MIN_SPREAD = 3;
/**
 * At or below this share of its creations closed, a thread is not churning: what it leaves open piles
 * up. At, too: a parent that makes a pipe per child, closes each write end and keeps each read end
 * closes exactly half of what its pipe2 calls make.
 */
const CLOSED_SHARE = 0.5;
/** Fewer fds than this in a pattern of a thread that does close some is not a pile (one that closes none piles up whatever it keeps). */
const MIN_PILE = 10;
/** A call that failed: not a non-blocking call that is merely in progress or would block. */
const FAILED = /= -1 E(?!INPROGRESS|AGAIN|WOULDBLOCK|INTR|ALREADY)[A-Z]+|SO_ERROR E[A-Z]+/;

function windowOf(inputs: StraceInput[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { artifact: a } of inputs) {
    if (a.firstTime !== null) lo = Math.min(lo, a.firstTime);
    if (a.lastTime !== null) hi = Math.max(hi, a.lastTime);
  }
  return lo <= hi ? [lo, hi] : null;
}

function bucketSize(seconds: number): number {
  return seconds <= 120 ? 1 : seconds <= 3600 ? 10 : 60;
}

function spreadOf(list: OpenFd[], win: [number, number] | null): number {
  if (!win || win[1] <= win[0]) return 1;
  const slices = new Set<number>();
  for (const e of list)
    if (e.create.ev.time !== null) slices.add(Math.min(9, Math.floor(((e.create.ev.time - win[0]) / (win[1] - win[0])) * 10)));
  return Math.max(1, slices.size);
}

function groupLeaks(
  leaked: OpenFd[],
  names: StraceContext['threadNames'],
  win: [number, number] | null,
  windowSeconds: number | null,
  fmt: (t: number | null) => string | null,
): LeakGroup[] {
  const groups = new Map<string, OpenFd[]>();
  for (const e of leaked) {
    const key = `${e.pid}\u0000${e.creatorTid}\u0000${pattern(leakSignature(e))}`;
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  const out: LeakGroup[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    const last = list[list.length - 1];
    const evidence: EvidenceRef[] = [evidenceOf(first.create), ...first.follow.map(evidenceOf)];
    for (const e of list.slice(1, 3)) evidence.push(evidenceOf(e.create));
    if (list.length > 3) evidence.push(evidenceOf(last.create));
    out.push({
      pid: first.pid,
      tid: first.creatorTid,
      threadName: names?.get(first.creatorTid)?.name ?? null,
      signature: list.length > 1 ? pattern(leakSignature(first)) : leakSignature(first),
      count: list.length,
      fds: list.map((e) => e.fd),
      firstTime: fmt(first.create.ev.time),
      lastTime: fmt(last.create.ev.time),
      perMinute: windowSeconds && windowSeconds > 0 ? Math.round((list.length / windowSeconds) * 60 * 10) / 10 : null,
      spread: spreadOf(list, win),
      evidence,
    });
  }
  return out.sort((a, b) => b.spread - a.spread || b.count - a.count);
}

/**
 * One pattern for creations that differ only in the numbers of their paths (`spool/job-045.dat`,
 * `spool/job-046.dat`): digit runs inside quoted strings read as `*`.
 */
function pattern(signature: string): string {
  return signature.replace(/"[^"]*"/g, (q) => q.replace(/\d+/g, '*'));
}

/**
 * The fds the sink counted instead of keeping (StraceArtifact.untracked: more fds open in a process
 * than it keeps) and still open at the end, added to the leak of their thread and call; their
 * slices of the window are those between the first and the last. Returns how many per thread.
 */
function addUntracked(
  inputs: StraceInput[],
  life: LifecycleResult,
  leaks: LeakGroup[],
  names: StraceContext['threadNames'],
  win: [number, number] | null,
  windowSeconds: number | null,
  fmt: (t: number | null) => string | null,
): Map<number, number> {
  const byTid = new Map<number, number>();
  const slice = (t: number) => (win && win[1] > win[0] ? Math.min(9, Math.floor(((t - win[0]) / (win[1] - win[0])) * 10)) : 0);
  for (const { file, artifact } of inputs) {
    for (const u of artifact.untracked ?? []) {
      const proc = life.procOfTid.get(u.tid);
      const open = u.created - u.ended;
      if (open <= 0 || proc?.exited) continue;
      byTid.set(u.tid, (byTid.get(u.tid) ?? 0) + open);
      const pid = proc?.pid ?? life.rootPid ?? u.tid;
      const signature = `${u.detail} → (no close)`;
      let g = leaks.find((l) => l.pid === pid && l.tid === u.tid && pattern(l.signature) === pattern(signature));
      if (g === undefined) {
        g = {
          pid,
          tid: u.tid,
          threadName: names?.get(u.tid)?.name ?? null,
          signature,
          count: 0,
          fds: [],
          firstTime: fmt(u.first.time),
          lastTime: null,
          perMinute: null,
          spread: 1,
          evidence: [ref(file, u.first.line)],
        };
        leaks.push(g);
      }
      g.count += open;
      g.lastTime = fmt(u.last.time);
      g.perMinute = windowSeconds && windowSeconds > 0 ? Math.round((g.count / windowSeconds) * 60 * 10) / 10 : null;
      g.evidence.push(ref(file, u.last.line));
      if (u.first.time === null || u.last.time === null) continue;
      const slices = new Set<number>();
      for (const e of life.leaked)
        if (e.creatorTid === u.tid && e.pid === pid && e.create.ev.time !== null && pattern(leakSignature(e)) === pattern(signature))
          slices.add(slice(e.create.ev.time));
      for (let k = slice(u.first.time); k <= slice(u.last.time); k++) slices.add(k);
      g.spread = slices.size;
    }
  }
  leaks.sort((a, b) => b.spread - a.spread || b.count - a.count);
  return byTid;
}

function quality(inputs: StraceInput[], concatenated: string | null): StraceAnalysis['quality'] {
  const q: StraceAnalysis['quality'] = [];
  const shapes = inputs.map((i) => i.artifact.shape);
  // No pid on any line, and no -f on the command shown (`strace -f -p PID` of one thread prints none).
  if (shapes.every((s) => s.pidPrefix === 'none' && !s.followsForks)) {
    q.push({ id: 'no-follow', message: 'strace was run without -f: only one thread is traced and forks are not followed; use strace -f' });
  }
  if (shapes.some((s) => s.timeBase === 'none'))
    q.push({ id: 'no-times', message: 'no time column: use -tt (or -ttt) to order events and line them up with logs' });
  if (shapes.some((s) => s.timeBase === 'relative'))
    q.push({ id: 'relative-times', message: '-r times are deltas: wall-clock alignment with logs is impossible; prefer -tt' });
  if (shapes.some((s) => !s.durations)) q.push({ id: 'no-durations', message: 'no -T: time spent in each call is unknown' });
  if (shapes.some((s) => !s.fdPaths))
    q.push({ id: 'no-fd-paths', message: 'no -y: fds are not annotated with paths; resolved from openat or lsof instead' });
  if (shapes.some((s) => s.truncatedStrings))
    q.push({ id: 'truncated-strings', message: 'written strings were cut by -s; use -s 256 or more to read log lines' });
  if (shapes.some((s) => s.hidesClose))
    q.push({
      id: 'close-not-traced',
      message:
        'the filter leaves close out (a trace set without it, failed calls only: -e status=failed, -Z, or a grep after strace that drops close lines: | grep socket): no fd is shown closed or kept; trace close (or trace=desc) and successful calls, unfiltered',
    });
  if (concatenated) q.push({ id: 'unordered-files', message: concatenated });
  const unfinished = inputs.reduce((n, i) => n + i.artifact.unfinishedAtEnd, 0);
  if (unfinished > 0) q.push({ id: 'unfinished-at-end', message: `${unfinished} call(s) were still unfinished when the capture stopped` });
  return q;
}

export function analyzeStrace(inputs: StraceInput[], ctx: StraceContext = {}): StraceAnalysis {
  const merged = mergeEvents(inputs);
  const base = merged.timeBase;
  const fmt = (t: number | null) => formatTime(t, base, ctx.captureDate);
  const win = windowOf(inputs);
  const windowSeconds = win && base !== 'none' ? Math.round((win[1] - win[0]) * 1e6) / 1e6 : null;
  const attached = inputs.flatMap((i) => i.artifact.attached);
  const tids = inputs.every((i) => i.artifact.eventTids) ? inputs.flatMap((i) => i.artifact.eventTids!) : undefined;
  const life = replayLifecycle(merged.events, { rootPid: ctx.pid ?? attached[0], tids, end: win && base !== 'none' ? win[1] : null });
  const names = ctx.threadNames;
  // A capture filtered to leave close out (`strace -e accept`) prints no close: what it shows made
  // is not shown kept, so it names no creation left open.
  const closeShown = !inputs.every((i) => i.artifact.shape.hidesClose);
  const leaks = groupLeaks(closeShown ? life.leaked : [], names, win, windowSeconds, fmt);
  const untracked = closeShown ? addUntracked(inputs, life, leaks, names, win, windowSeconds, fmt) : new Map<number, number>();

  // Threads: counts from every file, joined by tid.
  const byTid = new Map<number, ThreadSummary>();
  for (const { artifact } of inputs) {
    for (const t of artifact.threads) {
      const s = byTid.get(t.tid) ?? {
        pid: life.procOfTid.get(t.tid)?.pid ?? life.rootPid ?? t.tid,
        tid: t.tid,
        name: names?.get(t.tid)?.name ?? null,
        lines: 0,
        creates: 0,
        closes: 0,
        leaked: 0,
        forks: 0,
        failedConnects: 0,
      };
      s.lines += t.lines;
      s.creates += t.creates;
      s.closes += t.closes;
      s.forks += t.forks;
      s.failedConnects += t.failedConnects;
      byTid.set(t.tid, s);
    }
  }
  for (const e of life.leaked) {
    const s = byTid.get(e.creatorTid);
    if (s) s.leaked++;
  }
  for (const [tid, n] of untracked) {
    const s = byTid.get(tid);
    if (s) s.leaked += n;
  }
  const threads = [...byTid.values()].sort((a, b) => b.leaked - a.leaked || b.creates - a.creates || a.tid - b.tid);

  const traced = new Set(inputs.flatMap((i) => i.artifact.threads.map((t) => t.tid)));
  const cloexecRaces = findCloexecRaces(life, fmt, (tid) => traced.has(tid));
  const nonExecChildren = findNonExecChildren(life, (tid) => traced.has(tid));

  // fd → file → log for the thread whose leak recurs across the window (a few fds created just
  // before the capture stopped are still in use, not evidence of a leak); without one, for the
  // thread that runs into EMFILE: what it writes when it fails.
  const pattern = leakPattern(leaks, threads, windowSeconds);
  const top = pattern?.group ?? null;
  const exhaustion = exhaustionOf(inputs, names);
  const wall = !top ? exhaustion.threads.find((t) => t.emfile > 0) : undefined;
  const writes: WritesOf[] = inputs.flatMap(({ file, artifact }) => artifact.writes.map((w) => ({ file, w })));
  let fdLog: FdLogLink[] = [];
  if (top) {
    const leakTimes = life.leaked
      .filter((e) => e.creatorTid === top.tid && e.create.ev.time !== null)
      .map((e) => e.create.ev.time as number);
    fdLog = linkFdsToLogs({ pid: top.pid, tid: top.tid, writes, events: merged.events, life, leakTimes, timeBase: base, ctx });
  } else if (wall) {
    const pid = life.procOfTid.get(wall.tid)?.pid ?? life.rootPid ?? wall.tid;
    const failTimes = inputs.flatMap((i) =>
      (i.artifact.fdLimitFailures ?? []).filter((x) => x.tid === wall.tid && x.time !== null).map((x) => x.time as number),
    );
    fdLog = linkFdsToLogs({ pid, tid: wall.tid, writes, events: merged.events, life, leakTimes: failTimes, timeBase: base, ctx });
  }

  const eof = eofKept(inputs);
  const rootCause = top
    ? buildRootCause(top, fdLog[0], windowSeconds)
    : wall
      ? exhaustionRootCause(wall, life.procOfTid.get(wall.tid)?.pid ?? life.rootPid ?? wall.tid, exhaustion, fdLog[0], leaks)
      : (inheritedRootCause(cloexecRaces, names) ??
        eofKeptRootCause(
          eof,
          (tid) => life.procOfTid.get(tid)?.pid ?? life.rootPid ?? tid,
          (tid) => names?.get(tid)?.name ?? null,
        ));

  // Timeline: the top thread's leaks, then races and non-exec forks, in time order.
  const timeline: StraceAnalysis['timeline'] = [];
  const topLeaks = top ? life.leaked.filter((e) => e.creatorTid === top.tid) : [];
  for (const e of topLeaks.slice(0, 100)) {
    timeline.push({
      time: fmt(e.create.ev.time) ?? `line ${e.create.ev.line}`,
      label: `fd ${e.fd} created, never closed: ${e.create.ev.detail}`,
      tid: e.creatorTid,
      evidence: evidenceOf(e.create),
    });
  }
  for (const r of cloexecRaces.filter((r) => r.kind === 'race').slice(0, 50)) {
    timeline.push({
      time: r.time ?? `line ${r.evidence[1].line}`,
      label: `fork by ${r.forkTid} copied fd ${r.fd} of ${r.creatorTid} ${r.gap === null ? '' : `${(r.gap * 1000).toFixed(3)} ms after its creation, `}before FD_CLOEXEC; ${IN_CHILD[r.outcome]}`,
      tid: r.forkTid,
      evidence: r.evidence[1],
    });
  }
  timeline.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

  // Leaks over time per tid.
  const leaksOverTime: StraceAnalysis['leaksOverTime'] = [];
  if (win && base !== 'none') {
    const size = bucketSize(win[1] - win[0]);
    // Per tid, then per bucket (numbers, not a key string per leaked fd: there may be 100,000s).
    const counts = new Map<number, Map<number, { tid: number; bucket: number; count: number }>>();
    for (const e of life.leaked) {
      if (e.create.ev.time === null) continue;
      const b = Math.floor((e.create.ev.time - win[0]) / size);
      let byBucket = counts.get(e.creatorTid);
      if (byBucket === undefined) counts.set(e.creatorTid, (byBucket = new Map()));
      const c = byBucket.get(b) ?? { tid: e.creatorTid, bucket: b, count: 0 };
      c.count++;
      byBucket.set(b, c);
    }
    const all = [...counts.values()].flatMap((byBucket) => [...byBucket.values()]);
    for (const c of all.sort((a, b) => a.bucket - b.bucket || a.tid - b.tid)) {
      leaksOverTime.push({ tid: c.tid, bucket: fmt(win[0] + c.bucket * size) ?? String(c.bucket), count: c.count });
    }
  }

  return {
    files: inputs.map(({ file, artifact }) => ({
      file,
      shape: artifact.shape,
      lines: artifact.lines,
      firstTime: fmt(artifact.firstTime),
      lastTime: fmt(artifact.lastTime),
    })),
    windowSeconds,
    threads,
    leaks,
    pattern,
    exhaustion,
    highestOpenFd: highestOpenFd(life.leaked, life.rootPid),
    leakedTotal: life.leaked.length + [...untracked.values()].reduce((a, b) => a + b, 0),
    preexisting: life.preexisting + inputs.reduce((n, i) => n + (i.artifact.untrackedCloses ?? 0), 0),
    cloexecRaces,
    nonExecChildren,
    fdLog,
    rootCause,
    timeline: timeline.slice(0, MAX_TIMELINE),
    leaksOverTime,
    quality: quality(inputs, merged.concatenated),
    eofKept: eof,
  };
}

/** Sockets read to their end and kept, from the files that can show it (see StraceAnalysis.eofKept). */
function eofKept(inputs: StraceInput[]): StraceAnalysis['eofKept'] {
  const shown = inputs.filter((i) => !i.artifact.shape.hidesClose && i.artifact.shape.pidPrefix !== 'file-suffix');
  return {
    total: shown.reduce((n, i) => n + (i.artifact.eofKeptTotal ?? 0), 0),
    fds: shown.flatMap((i) => (i.artifact.eofKept ?? []).map((k) => ({ ...k, file: i.file }))),
  };
}

function highestOpenFd(leaked: readonly OpenFd[], pid: number | null): StraceAnalysis['highestOpenFd'] {
  let top: OpenFd | null = null;
  for (const e of leaked) if (e.pid === pid && (top === null || e.fd > top.fd)) top = e;
  return top && { fd: top.fd, ev: evidenceOf(top.create) };
}

/**
 * The leak in the window, if any: a pattern recurring across it (fds still in use at the end bunch
 * up in its last tenth) that is a failure path, or whose thread closes little of what it creates
 * (a server's accepted connections are closed as they end: in flight, not leaked).
 */
function leakPattern(leaks: LeakGroup[], threads: ThreadSummary[], windowSeconds: number | null): LeakPattern | null {
  const recurring = leaks.filter((g) => (windowSeconds === null ? g.count >= MIN_SPREAD : g.spread >= MIN_SPREAD));
  const failure = recurring.find((g) => FAILED.test(g.signature));
  if (failure) return { group: failure, weight: 3, why: 'each fd is left open after a failed call' };
  for (const group of recurring) {
    const thread = threads.find((t) => t.tid === group.tid);
    const closedShare = thread && thread.creates > 0 ? thread.closes / thread.creates : 0;
    // Not a server's accepted connections: a thread that accepts hands them to others, who close
    // them when the peers go; still open at the capture's end, they are clients, not a leak.
    const closesNone = thread !== undefined && thread.closes === 0 && !group.signature.startsWith('accept');
    if (closedShare <= CLOSED_SHARE && (group.count >= MIN_PILE || closesNone)) {
      return { group, weight: 2, why: `the thread closed ${Math.round(closedShare * 100)}% of the fds it created` };
    }
  }
  return null;
}

/** EMFILE and ENFILE failures of creating calls, per thread. */
function exhaustionOf(inputs: StraceInput[], names: StraceContext['threadNames']): StraceExhaustion {
  const byTid = new Map<number, { tid: number; name: string | null; emfile: number; enfile: number }>();
  for (const { artifact } of inputs) {
    for (const t of artifact.threads) {
      if (!t.emfile && !t.enfile) continue;
      const x = byTid.get(t.tid) ?? { tid: t.tid, name: names?.get(t.tid)?.name ?? null, emfile: 0, enfile: 0 };
      x.emfile += t.emfile ?? 0;
      x.enfile += t.enfile ?? 0;
      byTid.set(t.tid, x);
    }
  }
  const threads = [...byTid.values()].sort((a, b) => b.emfile - a.emfile || b.enfile - a.enfile || a.tid - b.tid);
  const samples = inputs.flatMap(({ file, artifact }) => (artifact.fdLimitFailures ?? []).map((x) => ref(file, x.line, x.text)));
  return {
    emfile: threads.reduce((n, t) => n + t.emfile, 0),
    enfile: threads.reduce((n, t) => n + t.enfile, 0),
    threads,
    samples: samples.slice(0, 8),
  };
}

/** The first quoted calls that failed with EMFILE (ENFILE ones aside). */
export function emfileEvidence(x: StraceExhaustion): EvidenceRef[] {
  return x.samples.filter((s) => /EMFILE/.test(s.text ?? '')).slice(0, 3);
}

/** The thread at the wall: its calls fail with EMFILE, and what it writes when they do. */
function exhaustionRootCause(
  wall: StraceExhaustion['threads'][number],
  pid: number,
  x: StraceExhaustion,
  link: FdLogLink | undefined,
  leaks: readonly LeakGroup[],
): StraceRootCause {
  const who = threadOfPid(wall.tid, wall.name, pid);
  const evidence = emfileEvidence(x);
  // Fds it made in the window and kept, too few or too bunched to be the pattern: still shown.
  const kept = leaks.filter((g) => g.tid === wall.tid).sort((a, b) => b.count - a.count)[0];
  const before = kept
    ? `; the capture shows it making ${kept.count} fd${kept.count === 1 ? '' : 's'} it never closed (${kept.signature})${kept.fds.length > 0 ? `, up to fd ${maxOf(kept.fds)}` : ''}`
    : ', all of them opened before the capture began';
  // inotify_init fails with EMFILE also when the user's inotify instances run out, far under the fd limit.
  const failing = x.samples.filter((s) => /EMFILE/.test(s.text ?? ''));
  const inotify = failing.length > 0 && failing.every((s) => /\binotify_init1?(\(| resumed)/.test(s.text ?? ''));
  const outOf = inotify
    ? 'the process is out of fds, or its user out of inotify instances (every failing call shown is inotify_init: fs.inotify.max_user_instances)'
    : 'the process is out of fds';
  const failed = `${capitalise(who)} fails with EMFILE (${wall.emfile} call${wall.emfile === 1 ? '' : 's'} in the window): ${outOf}${before}`;
  if (!link) return { basis: 'exhaustion', pid, tid: wall.tid, fd: null, path: null, message: null, statement: `${failed}.`, evidence };
  const logLine = link.matchingLines[0] ?? link.errorsNearLeaks[0];
  const message = logLine?.text ? logMessage(logLine.text) : (link.written[0]?.text ?? null);
  evidence.push(...link.written.slice(0, 2).map((w) => w.ev));
  if (logLine) evidence.push(logLine);
  const target = `fd ${link.fd}${link.path ? ` (${link.path})` : ''}`;
  return {
    basis: 'exhaustion',
    pid,
    tid: wall.tid,
    fd: link.fd,
    path: link.path,
    message,
    statement: `${failed}; when its calls fail it writes ${message ? `"${message}" ` : ''}to ${target}.`,
    evidence,
  };
}

/**
 * Children kept fds past their execve: the thread that made the fd most copies came from, without
 * close-on-exec, and the threads that forked while it was open.
 */
function inheritedRootCause(races: readonly CloexecRace[], names: StraceContext['threadNames']): StraceRootCause | null {
  const kept = races.filter((r) => r.outcome === 'kept');
  if (kept.length === 0) return null;
  const byFd = new Map<string, CloexecRace[]>();
  for (const r of kept) {
    const key = `${r.pid} ${r.creatorTid} ${r.fd}`;
    appendTo(byFd, key, r);
  }
  const top = [...byFd.values()].sort((a, b) => b.length - a.length)[0];
  const r = top[0];
  const children = new Set(kept.map((x) => x.child)).size;
  const forkers = [...new Set(top.map((x) => x.forkTid))];
  const what = r.path ? `fd ${r.fd} (${r.path})` : `fd ${r.fd}`;
  const opener = threadOfPid(r.creatorTid, names?.get(r.creatorTid)?.name ?? null, r.pid);
  return {
    basis: 'inherited',
    pid: r.pid,
    tid: r.creatorTid,
    fd: r.fd,
    path: r.path,
    message: null,
    statement:
      `${capitalise(opener)} makes ${what} without close-on-exec (${r.detail}); ` +
      `${forkers.length === 1 ? `thread ${forkers[0]} forks` : `threads ${forkers.slice(0, 3).join(', ')} fork`} while it is open, ` +
      `and ${fmtCount(children, 'child process', 'child processes')} kept the copies past execve (${fmtCount(kept.length, 'copy', 'copies')} in all; e.g. child ${r.child ?? 'unknown'}).`,
    evidence: r.evidence,
  };
}

function fmtCount(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function buildRootCause(top: LeakGroup, link: FdLogLink | undefined, windowSeconds: number | null): StraceRootCause {
  const who = threadOfPid(top.tid, top.threadName, top.pid);
  // Seconds as every other text prints them: 61.3 s, 5 s (never 5.0 s beside 5 s).
  const span = windowSeconds !== null ? ` in the ${formatNumber(Math.round(windowSeconds * 10) / 10)} s window` : ' in the capture';
  const what =
    top.signature.startsWith('socket') || top.signature.startsWith('accept')
      ? 'socket'
      : top.signature.startsWith('open') || top.signature.startsWith('creat')
        ? 'file'
        : 'fd';
  const leakPart = `${who} created ${formatNumber(top.count)} ${what}${top.count === 1 ? '' : 's'} it never closed${span} (${top.signature})`;
  const evidence = [...top.evidence];
  if (!link) {
    return {
      basis: 'leak',
      pid: top.pid,
      tid: top.tid,
      fd: null,
      path: null,
      message: null,
      statement: `${capitalise(leakPart)}.`,
      evidence,
    };
  }
  const logLine = link.matchingLines[0] ?? link.errorsNearLeaks[0];
  const message = logLine?.text ? logMessage(logLine.text) : (link.written[0]?.text ?? null);
  evidence.push(...link.written.slice(0, 2).map((w) => w.ev));
  if (logLine) evidence.push(logLine);
  const target = `fd ${link.fd}${link.path ? ` (${link.path})` : ''}`;
  // A failure only when the calls that leak fail (connect = -1 ECONNREFUSED); else the leaks are what it writes around.
  const around = FAILED.test(top.signature) ? 'each failure' : 'its leaks';
  const wrote = message ? `, and around ${around} it wrote "${message}" to ${target}` : `, and it writes to ${target}`;
  return {
    basis: 'leak',
    pid: top.pid,
    tid: top.tid,
    fd: link.fd,
    path: link.path,
    message,
    statement: `${capitalise(leakPart)}${wrote}.`,
    evidence,
  };
}
