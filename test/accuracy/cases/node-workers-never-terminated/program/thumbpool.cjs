// thumbpool: hands each job to a fresh worker thread.
// Bug: the worker posts its result and stays alive (its parentPort keeps its loop running);
// the main thread never calls worker.terminate(), so every job leaves a thread with its own
// libuv loop (epoll, eventfd, ...) behind.
const { Worker } = require('node:worker_threads');
const fs = require('node:fs');
const log = fs.createWriteStream(process.argv[2] || 'thumbpool.log', { flags: 'a' });
const src = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => parentPort.postMessage({ job, size: job * 7 }));
`;
let n = 0;
function job() {
  n += 1;
  const id = n;
  let w;
  try {
    w = new Worker(src, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 8 } });
  } catch (e) {
    log.write(`${new Date().toISOString()} job ${id} failed: ${e.message}\n`);
    return;
  }
  w.once('message', (r) => log.write(`${new Date().toISOString()} job ${r.job} done\n`));
  w.on('error', (e) => log.write(`${new Date().toISOString()} job ${id} worker error: ${e.message}\n`));
  w.postMessage(id);
}
setInterval(job, 250);
