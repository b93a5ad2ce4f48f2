// The strace part worker (part-worker.ts), started ahead of need: a worker thread takes ~150 ms
// to boot, which the main thread would otherwise wait for after it has found a big strace file.
// The CLI warms one up as it starts when its input holds a file big enough to be read in two
// parts (warmPartWorker); parseStraceFile takes it, or starts one then. A warm worker nobody takes
// does not keep the process alive.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root.js';

/** The worker module next to this one: tsc's output, or the CLI bundle's own part-worker.js (scripts/bundle-cli.mjs). */
export function partWorkerPath(): string | null {
  const here = fileURLToPath(new URL('./part-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'strace', 'part-worker.js');
  return existsSync(built) ? built : null;
}

/** Files up to this size are read in one pass (a worker costs ~30-50 ms to start). */
const DEFAULT_MIN_BYTES = 64 * 1024 * 1024;

/** The size above which a strace file is read in two parts (FDLEAK_PARALLEL_MIN_BYTES, for tests). */
export function minBytes(): number {
  const v = Number(process.env.FDLEAK_PARALLEL_MIN_BYTES);
  return process.env.FDLEAK_PARALLEL_MIN_BYTES !== undefined && process.env.FDLEAK_PARALLEL_MIN_BYTES !== '' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_MIN_BYTES;
}

let warm: { worker: Worker; exited: boolean } | null = null;

/** Starts a part worker that waits for its job (see takePartWorker); returns it (null: no worker module). */
export function warmPartWorker(): Worker | null {
  if (warm !== null) return warm.worker;
  const path = partWorkerPath();
  if (path === null) return null;
  const w = { worker: new Worker(path), exited: false };
  w.worker.unref();
  // A worker that fails to boot is replaced when one is needed; its error is not this run's.
  w.worker.on('error', () => {});
  w.worker.once('exit', () => {
    w.exited = true;
  });
  warm = w;
  return w.worker;
}

/** The warm worker if it is still alive, else a new one; either waits for a PartJob message. */
export function takePartWorker(path: string): Worker {
  const w = warm;
  warm = null;
  if (w !== null && !w.exited) {
    w.worker.ref();
    return w.worker;
  }
  return new Worker(path);
}
