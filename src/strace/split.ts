// Where a big strace file is cut for its two-part read (parallel.ts), and the job its part worker
// gets. The CLI's start-up (src/cli/warm.ts) computes the same job for a big capture it finds and
// starts the worker on it before the CLI has loaded; parseStraceFile then finds it under way.
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileTidOf } from './sniff.js';

/**
 * The main thread's share of the bytes. The worker keeps more events (its compactor cannot fold
 * what the first part opened) and packs them to send back, but the CLI starts it on its part while
 * the main thread is still loading (warm.ts).
 */
export const FIRST_SHARE = 0.5;
/** ~150-250 bytes each: the worker's events stay well under the 300 MB the whole run may use. */
export const WORKER_MAX_EVENTS = 500_000;

export interface PartJob {
  /** Absolute: the CLI's start-up and the ingest may name the same file differently. */
  path: string;
  /** The file's name in the bundle: a `-ff` name's thread suffix matters (fileTidOf). */
  file: string;
  start: number;
  end: number;
  /** The worker gives up when its sink holds more events (a bound on its memory). */
  maxEvents: number;
}

/**
 * The worker's part of a file of `size` bytes: from the line start at or after `at` (default:
 * FIRST_SHARE of the file) to the end. null: no line starts after the cut.
 */
export function secondPartJob(path: string, file: string, size: number, opts: { at?: number; maxEvents?: number } = {}): PartJob | null {
  const cut = lineStartNear(path, opts.at ?? Math.floor(size * FIRST_SHARE), size);
  return cut === null ? null : { path: resolve(path), file, start: cut, end: size, maxEvents: opts.maxEvents ?? WORKER_MAX_EVENTS };
}

/** Two jobs read the same bytes the same way. */
export function sameJob(a: PartJob, b: PartJob): boolean {
  return a.path === b.path && a.start === b.start && a.end === b.end && a.maxEvents === b.maxEvents && fileTidOf(a.file) === fileTidOf(b.file);
}

/** The offset of the first line starting at or after `from`, or null (no newline after it). */
export function lineStartNear(path: string, from: number, size: number): number | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let pos = from; pos < size; pos += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return null;
      const nl = buf.indexOf(10);
      if (nl !== -1 && nl < n) return pos + nl + 1 < size ? pos + nl + 1 : null;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The main thread waits for the worker whatever it estimates when it read its own part faster than
 * this (small files, and tests that cut captures at every line).
 */
export const READ_ON_MIN_MS = 500;
/**
 * What the two-part read still costs once the worker is done (packing, posting, unpacking and
 * merging its part), as a share of the time it takes to read a part: ~0.35 s against ~2.6 s on the
 * busy-server benchmark log.
 */
const MERGE_SHARE = 0.15;

/** Where each thread stands when the main thread has read its part. Times in ms, sizes in bytes. */
export interface PartProgress {
  mainMs: number;
  mainBytes: number;
  /** Since the worker began to read (0: not yet), and what it has read of its `partBytes`. */
  workerMs: number;
  workerBytes: number;
  partBytes: number;
}

/**
 * Reading the second part on in the main thread (one pass) would end well before the worker's part
 * could be merged: the worker is far behind, its core busy with something else. The estimate
 * assumes the main thread keeps its pace (it speeds up once the worker stops).
 */
export function readOnIsSooner(p: PartProgress, minMs = READ_ON_MIN_MS): boolean {
  if (p.mainMs < minMs || p.mainBytes <= 0 || p.workerBytes >= p.partBytes) return false;
  const readOn = p.partBytes / (p.mainBytes / p.mainMs);
  const workerRate = p.workerMs > 0 ? p.workerBytes / p.workerMs : 0;
  const wait = workerRate > 0 ? (p.partBytes - p.workerBytes) / workerRate + MERGE_SHARE * readOn : Infinity;
  return readOn < 0.9 * wait;
}

/** The worker's progress, in a SharedArrayBuffer the main thread reads (Float64Array slots). */
export const PROGRESS = { started: 0, bytes: 1, size: 2 } as const;
