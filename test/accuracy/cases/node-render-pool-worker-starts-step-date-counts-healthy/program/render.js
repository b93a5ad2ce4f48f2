// A render pool: one worker at start, a second one started when the queue grows, then steady.
const { spawn } = require('child_process');
const workers = [];
function startWorker() {
  const w = spawn('sleep', ['3600'], { stdio: ['pipe', 'pipe', 'pipe'] });
  workers.push(w);
}
startWorker();
setTimeout(startWorker, Number(process.argv[2]) * 1000);
setInterval(() => { /* busy: render jobs in memory */ }, 1000);
