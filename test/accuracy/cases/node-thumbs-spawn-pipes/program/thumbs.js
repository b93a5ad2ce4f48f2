// thumbs: for each job, spawns a converter child with piped stdio, writes the job to its
// stdin and waits for "done" on stdout. BUG: it never calls child.stdin.end(), so the
// converter (which reads until EOF) never exits and its three pipes stay open in this process.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const log = fs.createWriteStream('thumbs.log', { flags: 'a' });
const say = (lvl, msg) => log.write(`${new Date().toISOString()} ${lvl} thumbs[${process.pid}]: ${msg}\n`);
say('info', 'started');
let n = 0;
setInterval(() => {
  n++;
  const id = n;
  let child;
  try {
    child = spawn('/bin/sh', ['-c', 'cat > /dev/null; echo done'], { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    say('error', `job ${id}: spawn failed: ${e.code || e.message}`);
    return;
  }
  child.on('error', (e) => say('error', `job ${id}: ${e.code || e.message}`));
  child.stdout.on('data', () => say('info', `job ${id} converted`));
  child.stdin.write(`resize img-${id}.png 128x128\n`);
  say('info', `job ${id} queued to converter pid ${child.pid}`);
}, 100);
