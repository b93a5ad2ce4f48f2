// What the main thread and the prescan worker of a pipelined read (pipeline.ts, prescan-worker.ts)
// send each other.
import type { MessagePort } from 'node:worker_threads';
import type { ReadStats } from '../bundle/lines.js';
import type { PrescanResult } from './prescan.js';

/** Int32 slots of the shared control buffer: batches the sink has read, and syncs it has answered. */
export const CONTROL = { consumed: 0, resumed: 1, size: 2 } as const;
/** Batches the worker may post ahead of the sink (each holds the lines listed in ~1 MB of the file). */
export const MAX_AHEAD = 8;

export interface PrescanJob {
  path: string;
  start: number;
  end: number;
  firstLine: number;
  interesting: number[];
  writes: { hash: number; name: string }[];
  /** Where the sink stands: its write pairs whose samples are full, clock and pending calls. */
  state: Required<Feedback>;
  control: SharedArrayBuffer;
  /** Feedback from the sink (Feedback messages), read synchronously between scans. */
  feedback: MessagePort;
  /** Tests: chunks of this many bytes, copied into the prescan (else the file is read straight into its inputs). */
  chunk?: number;
}

export type PrescanReply =
  | { kind: 'ready' }
  /**
   * Lines listed, their bytes in `bytes` (entries as Prescan.listed, offsets into `bytes`; each
   * carries the clock to read it with). `stop`: the last is a stop, and the worker waits for a sync.
   */
  | { kind: 'listed'; bytes: Uint8Array; entries: Int32Array; count: number; stop: boolean }
  /** A chunk for the sink to read (and count) line by line, from `clock`; the worker waits for a sync. */
  | { kind: 'raw'; bytes: Uint8Array; firstLine: number; clock: [number, number] }
  | { kind: 'done'; result: PrescanResult; stats: ReadStats };

/**
 * What the sink tells the prescan: `pairs` (tid, fd, path known) newly full; `clock` and `pending` (the
 * sink's clock and tids with a call pending) at the start, and to answer a sync after a stop or a raw chunk.
 */
export interface Feedback {
  pairs?: number[];
  clock?: [number, number];
  pending?: number[];
}
