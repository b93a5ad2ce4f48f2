// subs: one `tail -f` per subscription, spawned with stdio 'pipe'; the child is never
// killed and its streams are never read or destroyed.
const { spawn } = require('child_process');
const live = [];
let id = 0;
setInterval(() => {
  const n = id++;
  const child = spawn('tail', ['-f', '/dev/null'], { stdio: 'pipe' });
  child.on('error', (err) => {
    console.error(`${new Date().toISOString()} subscription ${n} failed: ${err.message}`);
  });
  live.push(child);
}, 30);
