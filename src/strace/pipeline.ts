// A big strace file read in one pass on two cores: the main thread's sink reads the first lines
// itself (until the shape is settled and the worker has booted), then a worker thread
// (prescan-worker.ts) reads the rest of the file through the WebAssembly prescan and posts the
// lines it lists; the sink reads only those. The prescan, the kernel's reads and the copying run
// beside the sink's JavaScript, and nothing is read twice or merged: the result is the one-pass
// read's. The two talk through pipeline-protocol.ts.
import { statSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import { addReadStats, readLineChunks, type ReadStats } from '../bundle/lines.js';
import type { ParseContext } from '../types.js';
import { CONTROL, type Feedback, type PrescanJob, type PrescanReply } from './pipeline-protocol.js';
import { LISTED } from './prescan.js';
import { lineStartNear } from './split.js';
import { createStraceSink, type RemotePrescanLink } from './stream.js';
import type { StraceArtifact } from './types.js';
import { workerModulePath } from './worker-pool.js';

export interface PipelinedRead {
  artifact: StraceArtifact;
  stats: ReadStats;
  /** Where the worker took over (undefined: the main thread read it all, and why). */
  handedOffAt?: number;
  whole?: string;
}

/**
 * `handOffAt` (tests): read locally up to the line start at or after it, wait for the worker, and
 * hand off there (when the shape is settled by then). `workerChunk` (tests): the worker reads
 * chunks of this many bytes (not straight into its prescan's inputs). `workerPath`: null, no worker.
 */
export async function readPipelined(
  path: string, ctx: ParseContext,
  opts: { workerPath?: string | null; handOffAt?: number; workerChunk?: number } = {},
): Promise<PipelinedRead> {
  const sink = createStraceSink(ctx);
  const workerPath = opts.workerPath === undefined ? workerModulePath('prescan-worker.js') : opts.workerPath;
  // No prescan here (FDLEAK_NO_WASM, a `-ff` file of one thread): none to hand off either.
  const buffers = sink.readBuffers();
  if (workerPath === null || buffers === undefined) {
    const stats = await readLineChunks(path, sink.chunk, { buffers });
    return { artifact: sink.end(), stats, whole: workerPath === null ? 'no prescan worker module' : 'no prescan for this file' };
  }
  const worker = new Worker(workerPath);
  const inbox = new Inbox(worker);
  let link: RemotePrescanLink | null = null;
  let stats1: ReadStats & { stoppedAt?: number };
  try {
    if (opts.handOffAt === undefined) {
      stats1 = await readLineChunks(path, sink.chunk, { buffers, until: () => inbox.ready && (link = sink.handOff()) !== null });
    } else {
      const size = statSync(path).size;
      const cut = lineStartNear(path, Math.floor(opts.handOffAt), size) ?? size;
      stats1 = await readLineChunks(path, sink.chunk, { end: cut, buffers });
      await inbox.whenReady();
      link = sink.handOff();
      if (link !== null) stats1.stoppedAt = cut;
      else stats1 = addReadStats(stats1, await readLineChunks(path, sink.chunk, { start: cut, firstLine: stats1.lines + 1, buffers: sink.readBuffers() }));
    }
  } catch (e) {
    void worker.terminate();
    throw e;
  }
  const start = stats1.stoppedAt;
  if (link === null || start === undefined) {
    void worker.terminate();
    return { artifact: sink.end(), stats: stats1, whole: inbox.ready ? 'the prescan never applied' : 'read before the worker was up' };
  }
  const remote: RemotePrescanLink = link;
  const control = new SharedArrayBuffer(CONTROL.size * 4);
  const ctl = new Int32Array(control);
  const { port1, port2 } = new MessageChannel();
  const job: PrescanJob = {
    path, start, end: Infinity, firstLine: stats1.lines + 1, interesting: remote.calls.interesting, writes: remote.calls.writes,
    state: stateOf(remote), control, feedback: port2, chunk: opts.workerChunk,
  };
  worker.postMessage(job, [port2]);
  /** The lines and CRs of the raw chunks, which the sink reads (the worker counts their bytes). */
  const rawStats: ReadStats = { lines: 0, bytes: 0, crlf: 0, binaryHint: false, noFinalNewline: false };
  let stats2: ReadStats | undefined;
  try {
    while (stats2 === undefined) {
      const m = await inbox.next();
      let sync = false;
      if (m.kind === 'listed') {
        // A Buffer over the same bytes: the sink's decoder is Buffer's own (see UTF8 in stream.ts).
        remote.read(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.length), m.entries, new Float64Array(m.entries.buffer, m.entries.byteOffset, m.count * LISTED.floats), m.count);
        sync = m.stop;
      } else if (m.kind === 'raw') {
        remote.setClock(m.clock[0], m.clock[1]);
        remote.readRaw(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.length), 0, m.bytes.length, m.firstLine, rawStats);
        sync = true;
      } else if (m.kind === 'done') {
        remote.done(m.result);
        stats2 = m.stats;
      }
      if (sync) {
        port1.postMessage(stateOf(remote));
        Atomics.add(ctl, CONTROL.resumed, 1);
        Atomics.notify(ctl, CONTROL.resumed);
      } else {
        const pairs = remote.newPairs();
        if (pairs.length > 0) port1.postMessage({ pairs } satisfies Feedback);
      }
      Atomics.add(ctl, CONTROL.consumed, 1);
      Atomics.notify(ctl, CONTROL.consumed);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
  return { artifact: sink.end(), stats: addReadStats(stats1, addReadStats(rawStats, stats2)), handedOffAt: start };
}


/** Where the sink stands, for the worker to go on from: new full write pairs, its clock and pending calls. */
function stateOf(remote: RemotePrescanLink): Required<Feedback> {
  return { pairs: remote.newPairs(), clock: remote.clock(), pending: remote.pendingTids() };
}

/** The worker's replies in order; `ready` once it has booted. A worker that fails or exits early fails next(). */
class Inbox {
  ready = false;
  private queue: PrescanReply[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  async whenReady(): Promise<void> {
    while (!this.ready) {
      if (this.failure !== null) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }

  constructor(worker: Worker) {
    worker.on('message', (m: PrescanReply) => {
      if (m.kind === 'ready') this.ready = true;
      else this.queue.push(m);
      this.wake?.();
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`prescan worker exited with code ${code}`)));
  }

  private fail(e: Error) {
    this.failure ??= e;
    this.wake?.();
  }

  async next(): Promise<PrescanReply> {
    for (;;) {
      const m = this.queue.shift();
      if (m !== undefined) return m;
      if (this.failure !== null) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }
}
