// Worker thread of src/strace/pipeline.ts: reads a byte range of a strace file through its own
// WebAssembly prescan and posts the lines it lists (copied out, held writes included) for the main
// thread's sink to read. Between scans it takes the write pairs the sink hands over; at a stop (a
// line whose time it cannot read) or a chunk too big for it, it waits until the sink has read that
// far and goes on from the sink's clock and pending calls.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { readLineChunks } from '../bundle/lines.js';
import { LISTED, loadPrescan } from './prescan.js';
import { CONTROL, MAX_AHEAD, type Feedback, type PrescanJob, type PrescanReply } from './pipeline-protocol.js';

parentPort!.postMessage({ kind: 'ready' } satisfies PrescanReply);
const job = await new Promise<PrescanJob>((resolve) => parentPort!.once('message', resolve));
const pre = loadPrescan(job.interesting, job.writes);
if (pre === null) throw new Error('the prescan module did not load in the worker');
const p = pre;
const control = new Int32Array(job.control);
/** What the sink said: write pairs to count from now on; its clock and pending calls to go on from. */
const apply = (f: Feedback) => {
  const pairs = f.pairs ?? [];
  for (let k = 0; k < pairs.length; k += 3) p.countPair(pairs[k], pairs[k + 1], pairs[k + 2] === 1);
  if (f.clock) {
    p.clock[0] = f.clock[0];
    p.clock[1] = f.clock[1];
  }
  for (const tid of f.pending ?? []) p.markPending(tid);
};
p.reset();
apply(job.state);

let posted = 0;
const post = (reply: PrescanReply, transfer: ArrayBuffer[]) => {
  // At most MAX_AHEAD batches not yet read by the sink: the lines listed wait here, not in memory there.
  for (let read = Atomics.load(control, CONTROL.consumed); posted - read >= MAX_AHEAD; read = Atomics.load(control, CONTROL.consumed)) {
    Atomics.wait(control, CONTROL.consumed, read, 100);
  }
  posted++;
  parentPort!.postMessage(reply, transfer);
};
/** Applies what the sink said meanwhile (pairs any time; the clock and pending calls after a stop). Returns whether a sync came. */
const drain = (): boolean => {
  let synced = false;
  for (let m = receiveMessageOnPort(job.feedback); m !== undefined; m = receiveMessageOnPort(job.feedback)) {
    const f = m.message as Feedback;
    apply(f);
    synced ||= f.clock !== undefined;
  }
  return synced;
};
/** Waits until the sink has read the batch just posted (which ended in a stop or a raw chunk), and goes on from where it stands. */
const resume = (seen: number) => {
  do Atomics.wait(control, CONTROL.resumed, seen, 100);
  while (!drain());
};

// The batch being filled: the listed lines' bytes, and their entries (as Prescan.listed).
let bytes = new Uint8Array(1 << 18);
let used = 0;
let entries = new Int32Array(LISTED.ints * 1024);
let count = 0;
const room = (n: number) => {
  if (used + n > bytes.length) {
    const bigger = new Uint8Array(Math.max(bytes.length * 2, used + n));
    bigger.set(bytes.subarray(0, used));
    bytes = bigger;
  }
  if ((count + 1) * LISTED.ints > entries.length) {
    const bigger = new Int32Array(entries.length * 2);
    bigger.set(entries);
    entries = bigger;
  }
};
/** Copies the listed entries [0, n) of the last scan; line bytes from src (shifted) or, for held writes, the prescan's memory. */
const take = (src: Uint8Array, shift: number, n: number) => {
  const { listed, memory } = p;
  const view = Buffer.from(src.buffer, src.byteOffset, src.length);
  for (let k = 0; k < n; k++) {
    const at = k * LISTED.ints;
    const held = listed[at + LISTED.flag] === 2;
    const from = listed[at + LISTED.start] + (held ? 0 : shift);
    const to = listed[at + LISTED.end] + (held ? 0 : shift);
    room(to - from);
    // Buffer's copy makes no view per line (most of this loop's cost when it did).
    if (held) bytes.set(memory.subarray(from, to), used);
    else view.copy(bytes, used, from, to);
    const e = count * LISTED.ints;
    for (let s = 0; s < LISTED.ints; s++) entries[e + s] = listed[at + s];
    // Offsets into the batch: the line's start, end and call (where the prescan read it).
    entries[e + LISTED.start] = used;
    entries[e + LISTED.end] = used + to - from;
    if (listed[at + LISTED.callAt] >= 0) entries[e + LISTED.callAt] = used + listed[at + LISTED.callAt] - listed[at + LISTED.start];
    used += to - from;
    count++;
  }
};
const flush = (stop: boolean) => {
  if (count === 0) return;
  const reply: PrescanReply = { kind: 'listed', bytes: bytes.slice(0, used), entries: entries.slice(0, count * LISTED.ints), count, stop };
  post(reply, [reply.bytes.buffer as ArrayBuffer, reply.entries.buffer as ArrayBuffer]);
  used = 0;
  count = 0;
};

const stats = await readLineChunks(job.path, (buf, from, to, firstLine, st) => {
  drain();
  const off = p.load(buf, from, to);
  if (off < 0) {
    // Too big for the prescan: its held writes go first, then the sink reads the chunk itself.
    take(p.memory, 0, p.handBackHeld());
    flush(false);
    // A copy (Buffer's slice is a view: transferring its buffer would take the worker's own). The sink
    // counts its lines as it reads them.
    const raw = new Uint8Array(buf.subarray(from, to));
    const seen = Atomics.load(control, CONTROL.resumed);
    post({ kind: 'raw', bytes: raw, firstLine, clock: [p.clock[0], p.clock[1]] }, [raw.buffer as ArrayBuffer]);
    resume(seen);
    return;
  }
  const shift = from - off;
  p.setLine(firstLine);
  for (let at = off; at < to - shift;) {
    const n = p.scan(at, to - shift);
    take(buf, shift, n);
    if (n > 0 && p.listed[(n - 1) * LISTED.ints + LISTED.flag] === 1) {
      const seen = Atomics.load(control, CONTROL.resumed);
      flush(true);
      resume(seen);
    } else drain();
    at = p.next();
  }
  flush(false);
  st.crlf += p.crlf();
  st.lines += p.line() - firstLine;
}, {
  start: job.start, end: job.end, firstLine: job.firstLine,
  buffers: job.chunk === undefined ? p.inputs : [Buffer.alloc(job.chunk), Buffer.alloc(job.chunk)],
});
take(p.memory, 0, p.handBackHeld());
flush(false);
parentPort!.postMessage({ kind: 'done', result: p.result(), stats } satisfies PrescanReply);
