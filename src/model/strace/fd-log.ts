// fd → file → log (write-up steps 9-11): the fds the leaking thread writes to, resolved to a
// path (strace -y first, then the openat that returned the fd, then lsof / ls -l /proc/PID/fd),
// the text it wrote, the same lines in the bundle's copy of that log, and the log's error lines
// around the leak times.
import { linesOfCutHead } from './cut-record-head.js';
import { basename } from 'node:path';
import type { EvidenceRef } from '../../types.js';
import { ref } from '../../types.js';
import type { LifecycleResult } from './lifecycle.js';
import type { SourcedEvent } from './merge.js';
import { alignToLog, formatTime } from './time.js';
import { sameRecordShape, stampedPrefix } from './stamped-prefix.js';
import type { FdLogLink, FdPathInfo, LogInput, StraceContext } from './types.js';
import type { FdWrites, TimeBase } from '../../sources/strace/types.js';
import { fdMadeBy } from '../../sources/strace/calls.js';

const MAX_LINKS = 5;
/** What an fd that is not a file is called (-y, lsof, /proc/PID/fd). */
const NOT_A_LOG = /^(anon_inode:|pipe:|socket:|TCP|UDP|UNIX|NETLINK|\[event|\[signal|\[timer)/;

/**
 * A call that makes an fd no file of a log is behind (calls.ts's `fdMadeBy`: anything but a file
 * opened by its path): writes to it are traffic, data or a wakeup (statsd's `sendmsg(264, {…
 * "app.queue.depth:7|g" …})` on the socket it just made), never a log line.
 */
function notAFileCall(detail: string): boolean {
  const made = fdMadeBy(/^\w{1,40}/.exec(detail)?.[0] ?? '');
  return made !== undefined && made !== 'path';
}

/** Text a person wrote: mostly printable characters, not an 8-byte counter. */
function readable(text: string): boolean {
  let printable = 0;
  for (const c of text) if (c >= ' ' || c === '\n' || c === '\t') printable++;
  return text.trim().length >= 4 && printable >= text.length * 0.9;
}
const MAX_WRITTEN = 12;
const MAX_MATCHES = 20;
const NEAR_SECONDS = 2;

export interface WritesOf {
  file: string;
  w: FdWrites;
}

function resolvePath(
  pid: number,
  fd: number,
  writes: WritesOf[],
  events: FdEvents,
  life: LifecycleResult,
  ctx: StraceContext,
): FdPathInfo | null {
  for (const { w, file } of writes) {
    if (w.path) return { path: w.path, source: 'strace-y', ev: ref(file, w.first.line) };
  }
  const open = openAtFirstWrite(pid, fd, writes, events, life);
  const m = open?.ev.detail.startsWith('open') ? /^\w+\("(.*)"\)$/.exec(open.ev.detail) : null;
  if (open && m) return { path: m[1], source: 'strace-open', ev: ref(open.file, open.ev.line, open.ev.text) };
  return ctx.fdPaths?.get(pid)?.get(fd) ?? null;
}

/**
 * The create that left `fd` open in `pid` when the thread first wrote to it: an earlier file on the
 * same fd number, closed before, or a later one, opened after, is another file. null: the fd was
 * opened before the capture (or by a call the capture cut).
 */
function openAtFirstWrite(pid: number, fd: number, writes: WritesOf[], events: FdEvents, life: LifecycleResult): SourcedEvent | null {
  const first = writes.reduce<WritesOf | null>(
    (a, b) => (a === null || isBefore(b.file, b.w.first.line, b.w.first.time, a.file, a.w.first.line, a.w.first.time) ? b : a),
    null,
  );
  let open: SourcedEvent | null = null;
  for (const se of events.of(fd)) {
    const { ev, file } = se;
    if (first && !isBefore(file, ev.line, ev.time, first.file, first.w.first.line, first.w.first.time)) break;
    const closesRange = ev.kind === 'close-range' && fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd);
    if ((ev.fd !== fd && !closesRange) || life.procOfTid.get(ev.tid)?.pid !== pid) continue;
    if (ev.kind === 'create') open = se;
    else if (ev.kind === 'close' || closesRange) open = null;
  }
  return open;
}

/** The creates and closes of the capture, in their order, found by fd (a close_range under each fd it covers). */
interface FdEvents {
  of(fd: number): SourcedEvent[];
}

function fdEvents(events: readonly SourcedEvent[]): FdEvents {
  const byFd = new Map<number, number[]>();
  const ranges: number[] = [];
  events.forEach(({ ev }, i) => {
    if (ev.kind === 'close-range') ranges.push(i);
    else if (ev.kind === 'create' || ev.kind === 'close') {
      const list = byFd.get(ev.fd);
      if (list) list.push(i);
      else byFd.set(ev.fd, [i]);
    }
  });
  return {
    of(fd) {
      const covering = ranges.filter((i) => fd >= events[i].ev.fd && fd <= (events[i].ev.fd2 ?? events[i].ev.fd));
      const at = covering.length === 0 ? (byFd.get(fd) ?? []) : [...(byFd.get(fd) ?? []), ...covering].sort((a, b) => a - b);
      return at.map((i) => events[i]);
    },
  };
}

/** (file, line, time) a comes before b: by line in one file, else by time; unknown order counts as before. */
function isBefore(fileA: string, lineA: number, timeA: number | null, fileB: string, lineB: number, timeB: number | null): boolean {
  if (fileA === fileB) return lineA < lineB;
  if (timeA !== null && timeB !== null) return timeA < timeB;
  return true;
}

/**
 * The lines of a log a write can be matched to: its records (not exception lines, which repeat
 * word for word across records) and the lines that say the writer ran out, timestamped or not — a
 * program's bare `Failed to get journal fd: Too many open files` on stderr, pasted above the
 * strace whose `writev(2, [{"Failed to get journal fd: Too ma"..., 45}…` wrote it.
 */
function writableLines(log: LogInput): { text: string; ev: EvidenceRef }[] {
  const out = log.artifact.kept.filter((k) => !k.exception).map((k) => ({ text: k.text, ev: k.ev }));
  const seen = new Set(out.map((k) => k.ev.line));
  for (const x of log.artifact.exhaustion.samples) {
    if (x.ev.text === undefined || seen.has(x.ev.line)) continue;
    seen.add(x.ev.line);
    out.push({ text: x.ev.text, ev: x.ev });
  }
  // Its last plain lines (records with no level word), which a strace of its last seconds wrote.
  for (const x of log.artifact.tail ?? []) {
    if (seen.has(x.ev.line)) continue;
    seen.add(x.ev.line);
    out.push(x);
  }
  return out;
}

function findLog(
  path: string | null,
  written: (text: string) => boolean,
  logs: LogInput[],
): { log: LogInput; matchedBy: 'path' | 'basename' | 'content' } | null {
  if (path) {
    const exact = logs.find((l) => l.path === path);
    if (exact) return { log: exact, matchedBy: 'path' };
    const base = basename(path);
    const byName = logs.find((l) => basename(l.path ?? l.file) === base);
    if (byName) return { log: byName, matchedBy: 'basename' };
  }
  const byContent = logs.find((l) => writableLines(l).some((k) => written(k.text)));
  return byContent ? { log: byContent, matchedBy: 'content' } : null;
}

export function linkFdsToLogs(input: {
  pid: number;
  tid: number;
  writes: WritesOf[];
  events: SourcedEvent[];
  life: LifecycleResult;
  leakTimes: number[];
  timeBase: TimeBase;
  ctx: StraceContext;
}): FdLogLink[] {
  const { pid, tid, writes, events, life, leakTimes, timeBase, ctx } = input;
  const byFd = new Map<number, WritesOf[]>();
  for (const x of writes) {
    if (x.w.tid !== tid) continue;
    const list = byFd.get(x.w.fd) ?? [];
    list.push(x);
    byFd.set(x.w.fd, list);
  }
  const align = alignToLog(timeBase, ctx.timezone, ctx.captureDate);
  const links: FdLogLink[] = [];
  const indexed = fdEvents(events);
  for (const [fd, list] of byFd) {
    // An fd the capture saw made by socket(), pipe2(), eventfd2() …: no file, no log.
    const made = openAtFirstWrite(pid, fd, list, indexed, life);
    if (made && notAFileCall(made.ev.detail)) continue;
    const info = resolvePath(pid, fd, list, indexed, life, ctx);
    // A wakeup of an event loop (eventfd, a pipe, a socket) is not a log line.
    if (info && NOT_A_LOG.test(info.path)) continue;
    if (list.every(({ w }) => [w.first, ...w.samples].every((x) => !readable(x.text)))) continue;
    const samples = list.flatMap(({ w, file }) => [w.first, ...w.samples.filter((s) => s !== w.first)].map((s) => ({ s, file })));
    const written: FdLogLink['written'] = [];
    const seen = new Set<string>();
    // -s cut the string: its last fragment can only be matched as a prefix.
    const prefixes: string[] = [];
    for (const { s, file } of samples) {
      const parts = s.text.split('\n');
      parts.forEach((text, i) => {
        if (text.trim() === '' || written.length >= MAX_WRITTEN) return;
        written.push({ time: formatTime(s.time, timeBase, ctx.captureDate), text, ev: ref(file, s.line, s.lineText) });
        if (s.truncated && i === parts.length - 1) {
          if (text.length >= 16) prefixes.push(text);
        } else seen.add(text.trimEnd());
      });
    }
    // A cut record that opens with a time stamp also matches its siblings, written at other times (stamped-prefix.ts).
    const shapes = prefixes.map(stampedPrefix).filter((x) => x !== null);
    const matches = (t: string) =>
      seen.has(t.trimEnd()) || prefixes.some((p) => t.startsWith(p)) || shapes.some((x) => sameRecordShape(x, t));
    const found = findLog(info?.path ?? null, matches, ctx.logs ?? []);
    const matchingLines: EvidenceRef[] = [];
    const errorsNearLeaks: EvidenceRef[] = [];
    let alignment: string | null = null;
    if (found) {
      const lines = writableLines(found.log);
      for (const k of lines) {
        if (matchingLines.length < MAX_MATCHES && matches(k.text)) matchingLines.push(k.ev);
      }
      // A write cut right after its record's head: the writer's own records in that log say it.
      if (matchingLines.length === 0) {
        const own = prefixes.map((p) => linesOfCutHead(p, lines)).find((x) => x.length > 0) ?? [];
        for (const k of own.slice(0, MAX_MATCHES)) matchingLines.push(k.ev);
      }
      if (align && leakTimes.length > 0) {
        alignment = align.assumption;
        const times = leakTimes.map(align.toLogSeconds).sort((a, b) => a - b);
        const lo = times[0] - NEAR_SECONDS;
        const hi = times[times.length - 1] + NEAR_SECONDS;
        const day = ctx.captureDate?.slice(5);
        for (const k of found.log.artifact.kept) {
          if (errorsNearLeaks.length >= MAX_MATCHES) break;
          if (k.exception || k.seconds === null || k.level === 'WARN') continue;
          if (day && k.date && !(k.date === ctx.captureDate || k.date === day)) continue;
          if (k.seconds >= lo && k.seconds <= hi) errorsNearLeaks.push(k.ev);
        }
      } else if (!align) alignment = 'The strace has no wall-clock times (-r or none): log lines were matched by their text only';
    }
    const count = list.reduce((n, x) => n + x.w.count, 0);
    links.push({
      pid,
      tid,
      fd,
      path: info?.path ?? null,
      pathSource: info?.source ?? null,
      writes: count,
      written,
      log: found ? { file: found.log.file, matchedBy: found.matchedBy } : null,
      matchingLines,
      errorsNearLeaks,
      alignment,
    });
  }
  // A log file first (a path, matched to a bundle log), then by how much was written.
  const score = (l: FdLogLink) => (l.matchingLines.length > 0 ? 4 : 0) + (l.log ? 2 : 0) + (l.path?.startsWith('/') ? 1 : 0);
  links.sort((a, b) => score(b) - score(a) || b.writes - a.writes);
  return links.slice(0, MAX_LINKS);
}
