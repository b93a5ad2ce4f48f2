// render-worker: renders each job into a scratch file, copies the result to the output
// directory and "cleans up" the scratch file with unlink - but never closes its fd. The
// unlinked file stays open (lsof: "(deleted)"), its disk space is not freed (du does not see
// it, df does), and at the open-files limit every job fails with
//   EMFILE: too many open files, open '/tmp/cm/render-worker/scratch/job-N.pdf'
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const base = process.argv[2] || '/tmp/cm/render-worker';
const everyMs = Number(process.argv[3] || 50);
const scratch = path.join(base, 'scratch');
const outDir = path.join(base, 'out');
fs.mkdirSync(scratch, { recursive: true });
fs.mkdirSync(outDir, { recursive: true });
const ts = () => new Date().toISOString();
const page = Buffer.alloc(32 * 1024, 'x');
let job = 0;
console.log(`${ts()} info: render-worker ${process.pid} started, scratch ${scratch}`);
setInterval(() => {
  const id = ++job;
  const tmp = path.join(scratch, `job-${id}.pdf`);
  try {
    const fd = fs.openSync(tmp, 'w+');
    fs.writeSync(fd, page, 0, page.length, 0);
    fs.writeFileSync(path.join(outDir, `job-${id % 20}.pdf`), page);   // the result (overwritten)
    fs.unlinkSync(tmp);                                               // "cleanup": fd never closed
    if (id % 100 === 0) console.log(`${ts()} info: job ${id} rendered (${page.length} bytes)`);
  } catch (err) {
    console.log(`${ts()} error: job ${id} failed: ${err.message}`);
  }
}, everyMs);
