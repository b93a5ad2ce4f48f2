// Node service that runs a helper per request with child_process.spawn and never reads or destroys its stdio.
const { spawn } = require('child_process');
let n = 0;
setInterval(() => {
  n++;
  try {
    const c = spawn('sh', ['-c', 'sleep 30 & exit 0']);
    c.on('error', (e) => console.error(new Date().toISOString(), 'spawn failed', e.message));
  } catch (e) {
    console.error(new Date().toISOString(), 'request', n, e.message);
  }
}, 10);
