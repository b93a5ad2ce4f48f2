// render: two long-lived `cat` workers; each job is a line written to a worker's stdin
// and read back from its stdout. The workers are never replaced.
const { spawn } = require('child_process');
const workers = [0, 1].map(() => spawn('cat', [], { stdio: 'pipe' }));
for (const w of workers) w.stdout.on('data', () => {});
let n = 0;
setInterval(() => {
  workers[n % 2].stdin.write(`job ${n}\n`);
  n++;
}, 20);
