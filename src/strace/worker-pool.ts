// The strace part worker (part-worker.ts), started ahead of need: a worker thread takes ~150 ms
// to boot, which the main thread would otherwise wait for after it has found a big strace file.
// The CLI warms one up as it starts when its input holds a file big enough to be read in two
// parts (warmPartWorker), and when that file is a strace capture, sets it to read its part right
// away (src/cli/warm.ts). parseStraceFile runs its part on the worker already reading it, else on
// the idle warm worker, else on a new one. A warm worker nobody takes does not keep the process alive.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root.js';
import { PROGRESS, sameJob, type PartJob } from './split.js';
import type { PartReply } from './parallel.js';

/**
 * A strace worker module (`part-worker.js`, `prescan-worker.js`) next to this one: tsc's output, or the
 * CLI bundle's own (scripts/bundle-cli.mjs). null: not built.
 */
export function workerModulePath(name: string): string | null {
  const here = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(here)) return here;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'strace', name);
  return existsSync(built) ? built : null;
}

/** The two-part read's worker module. */
export const partWorkerPath = (): string | null => workerModulePath('part-worker.js');

/**
 * Files up to this size are read in one pass. Two parts: a worker costs ~30-50 ms to start. The
 * pipeline: on this 2-core machine the two threads slow each other down (~1.25x), which the prescan
 * taken off the main thread makes up for only on big files (busy-server log, interleaved against
 * one pass: 150 MB 1.06, 300 MB 0.92, 500 MB 0.90 of the wall time).
 */
const DEFAULT_MIN_BYTES = { parts: 64 * 1024 * 1024, pipeline: 200 * 1024 * 1024 };

/** The size above which a strace file is read on two cores (FDLEAK_PARALLEL_MIN_BYTES, for tests). */
export function minBytes(mode: 'pipeline' | 'parts' = straceReadMode()): number {
  const v = Number(process.env.FDLEAK_PARALLEL_MIN_BYTES);
  return process.env.FDLEAK_PARALLEL_MIN_BYTES !== undefined && process.env.FDLEAK_PARALLEL_MIN_BYTES !== '' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_MIN_BYTES[mode];
}

/**
 * How a big strace file uses the second core (FDLEAK_STRACE_READ): `pipeline` (the default, see
 * pipeline.ts) or `parts` (parallel.ts's two parts, which the CLI starts early, see warm.ts).
 */
export function straceReadMode(): 'pipeline' | 'parts' {
  return process.env.FDLEAK_STRACE_READ === 'parts' ? 'parts' : 'pipeline';
}

interface Running {
  worker: Worker;
  exited: boolean;
  /** The job it was given, and its reply (listened for from the start: a reply nobody awaits yet is kept). */
  job?: PartJob;
  reply?: Promise<PartReply>;
  /** Where it stands (PROGRESS slots), written by the worker as it reads. */
  progress: Float64Array;
}

/** What a part worker receives. `delayMs` (tests): it waits that long before reading, like a worker whose core is busy. */
export interface PartMessage {
  job: PartJob;
  progress: SharedArrayBuffer;
  delayMs?: number;
}

/** The warm worker: idle, or reading (or done reading) the part the CLI started it on. */
let warm: Running | null = null;

function start(path: string): Running {
  const r: Running = { worker: new Worker(path), exited: false, progress: new Float64Array(new SharedArrayBuffer(PROGRESS.size * 8)) };
  r.worker.once('exit', () => {
    r.exited = true;
  });
  return r;
}

/** Posts the job; the reply is the worker's message, or its failure. */
function give(r: Running, job: PartJob, delayMs?: number): Promise<PartReply> {
  r.job = job;
  r.reply = new Promise<PartReply>((resolve, reject) => {
    r.worker.once('message', resolve);
    r.worker.once('error', reject);
    r.worker.once('exit', (code) => reject(new Error(`strace worker exited with code ${code}`)));
  });
  const message: PartMessage = { job, progress: r.progress.buffer as SharedArrayBuffer, delayMs };
  r.worker.postMessage(message);
  return r.reply;
}

/**
 * Starts a part worker (returns it; null: no worker module). With a job, it reads that part at
 * once; without, it waits for one.
 */
export function warmPartWorker(job?: PartJob): Worker | null {
  if (warm !== null && !warm.exited) return warm.worker;
  const path = partWorkerPath();
  if (path === null) return null;
  const r = start(path);
  r.worker.unref();
  // A worker that fails is replaced when one is needed; its failure is not this run's.
  r.worker.on('error', () => {});
  if (job !== undefined) give(r, job).catch(() => {});
  warm = r;
  return r.worker;
}

/** The part a warm worker was started on, if it is still under way or done (tests, warm.ts). */
export function warmJob(): PartJob | undefined {
  return warm?.job;
}

/**
 * Runs the job: on the warm worker when it is already reading this very part (`early`) or idle,
 * else on a new worker. A warm worker reading another part guessed wrong: it is stopped, since on
 * two cores a third busy thread slows both reads down more than its part could save later.
 */
export function runPart(
  workerPath: string, job: PartJob, opts: { delayMs?: number } = {},
): { worker: Worker; reply: Promise<PartReply>; early: boolean; progress: Float64Array } {
  const w = warm;
  warm = null;
  // Done and gone already (its reply kept), or still reading.
  if (w !== null && w.job !== undefined && w.reply !== undefined && sameJob(w.job, job)) {
    w.worker.ref();
    return { worker: w.worker, reply: w.reply, early: true, progress: w.progress };
  }
  if (w !== null && !w.exited) {
    if (w.job === undefined) {
      w.worker.ref();
      return { worker: w.worker, reply: give(w, job, opts.delayMs), early: false, progress: w.progress };
    }
    void w.worker.terminate();
  }
  const r = start(workerPath);
  return { worker: r.worker, reply: give(r, job, opts.delayMs), early: false, progress: r.progress };
}
