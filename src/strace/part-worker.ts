// Worker thread of src/strace/parallel.ts: reads one byte range of a strace file with a sink of
// its own and posts back the artifact, the calls cut by the seam, the line stats and the warnings.
import { parentPort } from 'node:worker_threads';
import { readLineChunks } from '../bundle/lines.js';
import { createStraceSink } from './stream.js';
import { packArtifact, transferablesOf } from './pack.js';
import type { PartResult } from './parallel.js';
import { PROGRESS } from './split.js';
import type { PartMessage } from './worker-pool.js';

// The job comes as a message: the worker may have been started before it was known (worker-pool.ts).
const { job, progress, delayMs } = await new Promise<PartMessage>((resolve) => parentPort!.once('message', resolve));
if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
// Where it stands, for the main thread to weigh waiting against reading on (parallel.ts).
const seen = new Float64Array(progress);
seen[PROGRESS.started] = performance.timeOrigin + performance.now();
const warnings: PartResult['warnings'] = [];
const sink = createStraceSink(
  { file: job.file, warn: (line, message) => warnings.push({ line, message }) },
  { seam: true },
);
// The second part's compactor folds less than a one-pass read's (see createCompactor's `seam`): on
// a capture where that adds up, the worker gives up and the main thread reads on past the cut.
const tooBig = new Error('too many events held');
try {
  const stats = await readLineChunks(job.path, (buf, from, to, firstLine, stats) => {
    if (sink.held() > job.maxEvents) throw tooBig;
    sink.chunk(buf, from, to, firstLine, stats);
    seen[PROGRESS.bytes] = stats.bytes;
  }, { start: job.start, end: job.end, buffers: sink.readBuffers() });
  const packed = packArtifact(sink.end());
  const result: PartResult = { packed, seam: sink.seam(), stats, warnings };
  parentPort!.postMessage(result, transferablesOf(packed));
} catch (e) {
  if (e !== tooBig) throw e;
  parentPort!.postMessage({ gaveUp: `more than ${job.maxEvents} events held` });
}
