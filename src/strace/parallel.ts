// Big strace files are read on two cores. By default the main thread's sink reads the whole file
// while a worker runs the prescan ahead of it (pipeline.ts). With FDLEAK_STRACE_READ=parts, the
// file is read in two parts instead: the main thread reads the first half with
// one sink while a worker thread reads the second half with another, and the two artifacts are
// merged (merge-parts.ts) into what one sink reading the whole file gives. Small files, one core,
// or a worker that fails, holds too many events, or is so far behind that reading on is sooner
// (its core busy with something else) read the file in one pass (the main thread's sink reads on
// past the cut). A call cut by the seam (unfinished at the end
// of the first part, resumed in the second) is read again whole (rejoinSeam).
import { availableParallelism } from 'node:os';
import { addReadStats, readLineChunks, type ReadStats } from '../bundle/lines.js';
import type { ParseContext } from '../types.js';
import { mergeStraceParts, seamTimeShift } from './merge-parts.js';
import { unpackArtifact, type PackedArtifact } from './pack.js';
import { createStraceSink, type SeamCall, type SeamInfo } from './stream.js';
import type { FdEvent, StraceArtifact } from './types.js';
import { PROGRESS, readOnIsSooner, secondPartJob } from './split.js';
import { minBytes, partWorkerPath, runPart, straceReadMode } from './worker-pool.js';
import { readPipelined } from './pipeline.js';

const NO_LINES = 'no strace lines found';

export interface PartResult {
  packed: PackedArtifact;
  seam: SeamInfo;
  stats: ReadStats;
  warnings: { line?: number; message: string }[];
}

/** What a part worker posts back: its part, or why it gave up (the main thread then reads on). */
export type PartReply = PartResult | { gaveUp: string };

export interface ParsedFile {
  artifact: StraceArtifact;
  stats: ReadStats;
  /** Read in two parts, or why not. */
  parts: 1 | 2;
  whole?: string;
  /** Pipelined: where the prescan worker took over (pipeline.ts). */
  handedOffAt?: number;
  /** The worker was already reading its part when the file was reached (started by the CLI, warm.ts). */
  early?: boolean;
}

/**
 * `read`: how the second core is used (default: straceReadMode()). `at` (tests): in two parts, where
 * to cut (default: near the middle); pipelined, where the worker takes over (default: once it is
 * up). The line start at or after it is taken.
 * `workerDelayMs`, `readOnMinMs` (tests): a worker that starts late, and the READ_ON_MIN_MS to use.
 * `prescanWorker` (tests): the pipeline's worker module.
 */
export async function parseStraceFile(
  path: string, ctx: ParseContext, size: number,
  opts: { read?: 'pipeline' | 'parts'; at?: number; workerMaxEvents?: number; workerDelayMs?: number; readOnMinMs?: number; prescanWorker?: string } = {},
): Promise<ParsedFile> {
  const mode = opts.read ?? straceReadMode();
  if (size <= minBytes(mode)) return readWhole(path, ctx, 'small file');
  if (availableParallelism() < 2) return readWhole(path, ctx, 'one core');
  if (mode === 'pipeline') {
    // A worker that fails costs a second read, never the file: its warnings are only passed on on success.
    const warnings: PartResult['warnings'] = [];
    let r;
    try {
      r = await readPipelined(path, { ...ctx, warn: (line, message) => warnings.push({ line, message }) }, { workerPath: opts.prescanWorker, handOffAt: opts.at });
    } catch (e) {
      return readWhole(path, ctx, `the prescan worker failed (${(e as Error).message}): read again in one pass`);
    }
    for (const w of warnings) ctx.warn(w.line, w.message);
    return { artifact: r.artifact, stats: r.stats, parts: 1, whole: r.whole, handedOffAt: r.handedOffAt };
  }
  const worker = partWorkerPath();
  if (worker === null) return readWhole(path, ctx, 'no worker module');
  const job = secondPartJob(path, ctx.file, size, { at: opts.at, maxEvents: opts.workerMaxEvents });
  if (job === null) return readWhole(path, ctx, 'no line start after the cut');
  const cut = job.start;
  const run = runPart(worker, job, { delayMs: opts.workerDelayMs });
  let replied = false;
  const second = run.reply.catch((e: Error) => e).finally(() => {
    replied = true;
  });
  const firstWarnings: PartResult['warnings'] = [];
  const sinkOpts = { firstPart: true };
  const sink = createStraceSink({ ...ctx, warn: (line, message) => firstWarnings.push({ line, message }) }, sinkOpts);
  const started = performance.now();
  const stats1 = await readLineChunks(path, sink.chunk, { start: 0, end: cut, buffers: sink.readBuffers() });
  // A reply that came in during the last chunk is seen first.
  await new Promise((resolve) => setImmediate(resolve));
  const part2 = !replied && workerBehind(run.progress, performance.now() - started, cut, size - cut, opts.readOnMinMs)
    ? { gaveUp: 'the worker was far behind: reading on was sooner' }
    : await second;
  if ('gaveUp' in part2 && !replied) void run.worker.terminate();
  if (part2 instanceof Error || 'gaveUp' in part2) {
    // The first part's sink reads on: the one-pass read, without reading the first part again.
    sinkOpts.firstPart = false;
    const stats2 = await readLineChunks(path, sink.chunk, { start: cut, end: size, firstLine: stats1.lines + 1, buffers: sink.readBuffers() });
    const artifact = sink.end();
    for (const w of firstWarnings) ctx.warn(w.line, w.message);
    return { artifact, stats: addReadStats(stats1, stats2), parts: 1, whole: part2 instanceof Error ? part2.message : part2.gaveUp, early: run.early };
  }
  const first = sink.end();
  const firstSeam = sink.seam();
  const rejoin = rejoinSeam(ctx, firstSeam, part2.seam, stats1.lines, first.events);
  // The second part is unpacked straight into the file's lines and times.
  const shift = seamTimeShift(first, part2.packed.rest);
  const unpacked = unpackArtifact(part2.packed, { lineOffset: stats1.lines, shift });
  const artifact = mergeStraceParts({ first, second: unpacked, lineOffset: stats1.lines, rejoined: rejoin.rejoined ?? undefined, moved: { shift } });
  artifact.unfinishedAtEnd += unfinishedLeft(firstSeam, part2.seam, rejoin.joined);
  // Each part's sink says when it found no strace line; only the whole file can say so.
  for (const w of firstWarnings) if (w.message !== NO_LINES) ctx.warn(w.line, w.message);
  for (const w of part2.warnings) if (w.message !== NO_LINES) ctx.warn(w.line === undefined ? undefined : w.line + stats1.lines, w.message);
  if (artifact.lines > 0 && artifact.parsedLines === 0 && artifact.threads.length === 0) ctx.warn(undefined, NO_LINES);
  return { artifact, stats: addReadStats(stats1, part2.stats), parts: 2, early: run.early };
}

/** The worker is so far behind that the main thread reading its part on would end sooner (split.ts). */
function workerBehind(progress: Float64Array, mainMs: number, mainBytes: number, partBytes: number, minMs?: number): boolean {
  const started = progress[PROGRESS.started];
  const workerMs = started > 0 ? performance.timeOrigin + performance.now() - started : 0;
  return readOnIsSooner({ mainMs, mainBytes, workerMs, workerBytes: progress[PROGRESS.bytes], partBytes }, minMs);
}


async function readWhole(path: string, ctx: ParseContext, why: string): Promise<ParsedFile> {
  const sink = createStraceSink(ctx);
  const stats = await readLineChunks(path, sink.chunk, { buffers: sink.readBuffers() });
  return { artifact: sink.end(), stats, parts: 1, whole: why };
}

/**
 * A call still unfinished at the end of the first part, resumed in the second: the two lines are
 * read again together by a sink of their own, as the whole-file sink would have rejoined them.
 * Its events keep the second part's line numbers and times (the merge shifts them); a clone
 * completes the first part's fork event (whose `inherit` the first part's sink already wrote).
 */
function rejoinSeam(
  ctx: ParseContext, first: SeamInfo, second: SeamInfo, lineOffset: number, firstEvents: FdEvent[],
): { rejoined: StraceArtifact | null; joined: Set<number> } {
  const pendingOf = new Map<number, SeamCall>(first.pending.map((p) => [p.tid, p]));
  const joined = new Set<number>();
  const calls: [SeamCall, SeamCall][] = [];
  for (const o of second.orphans) {
    const p = pendingOf.get(o.tid);
    if (p === undefined || p.name !== o.name) continue;
    joined.add(o.tid);
    calls.push([p, o]);
  }
  const quiet: ParseContext = { file: ctx.file, command: ctx.command, warn: () => {} };
  for (const [p, o] of calls.filter(([p]) => p.fork)) {
    const sink = createStraceSink(quiet, { compact: false });
    sink.line(p.text, p.line);
    sink.line(o.text, o.line);
    const fork = sink.end().events.find((e) => e.kind === 'fork');
    if (fork?.child === undefined) continue;
    const ev = firstEvents.find((e) => e.kind === 'fork' && e.tid === p.tid && e.line === p.line);
    if (!ev) continue;
    ev.child = fork.child;
    if (ev.text !== undefined) ev.text = fork.text;
    ev.line = o.line + lineOffset;
  }
  const others = calls.filter(([p]) => !p.fork);
  if (others.length === 0) return { rejoined: null, joined };
  const sink = createStraceSink(quiet, { compact: false });
  const timeOf = new Map<number, number | null>();
  for (const [p, o] of others) {
    sink.line(p.text, p.line);
    sink.line(o.text, o.line);
    timeOf.set(o.line, o.time);
  }
  const rejoined = sink.end();
  for (const ev of rejoined.events) ev.time = timeOf.get(ev.line) ?? null;
  for (const w of rejoined.writes) for (const s of new Set([w.first, ...w.samples])) s.time = timeOf.get(s.line) ?? null;
  return { rejoined, joined };
}

/** Calls of the first part never resumed: the one-pass sink would still hold them at the end. */
function unfinishedLeft(first: SeamInfo, second: SeamInfo, joined: Set<number>): number {
  // A tid whose first-part call is over in the second part no longer holds it (SeamInfo.settled).
  const settled = new Set(second.settled);
  return first.pending.filter((p) => !joined.has(p.tid) && !settled.has(p.tid)).length;
}
