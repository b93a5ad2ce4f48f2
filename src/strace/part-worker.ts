// Worker thread of src/strace/parallel.ts: reads one byte range of a strace file with a sink of
// its own and posts back the artifact, the calls cut by the seam, the line stats and the warnings.
import { parentPort, workerData } from 'node:worker_threads';
import { readLineBytes } from '../bundle/lines.js';
import { createStraceSink } from './stream.js';
import type { PartJob, PartResult } from './parallel.js';

const job = workerData as PartJob;
const warnings: PartResult['warnings'] = [];
const sink = createStraceSink(
  { file: job.file, command: job.command, warn: (line, message) => warnings.push({ line, message }) },
  { seam: true },
);
const stats = await readLineBytes(job.path, (buf, start, end, n) => sink.bytes!(buf, start, end, n), { start: job.start, end: job.end });
const artifact = sink.end();
const result: PartResult = { artifact, seam: sink.seam(), stats, warnings };
parentPort!.postMessage(result);
