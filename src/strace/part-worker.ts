// Worker thread of src/strace/parallel.ts: reads one byte range of a strace file with a sink of
// its own and posts back the artifact, the calls cut by the seam, the line stats and the warnings.
import { parentPort } from 'node:worker_threads';
import { readLineChunks } from '../bundle/lines.js';
import { createStraceSink } from './stream.js';
import { packArtifact, transferablesOf } from './pack.js';
import type { PartResult } from './parallel.js';
import type { PartJob } from './split.js';

// The job comes as a message: the worker may have been started before it was known (worker-pool.ts).
const job = await new Promise<PartJob>((resolve) => parentPort!.once('message', resolve));
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
  }, { start: job.start, end: job.end });
  const packed = packArtifact(sink.end());
  const result: PartResult = { packed, seam: sink.seam(), stats, warnings };
  parentPort!.postMessage(result, transferablesOf(packed));
} catch (e) {
  if (e !== tooBig) throw e;
  parentPort!.postMessage({ gaveUp: `more than ${job.maxEvents} events held` });
}
