// exporter: starts a detached collector per source (stdio ['ignore', 'pipe', 'pipe']) and reads
// their output; the collectors keep running (sleep stands in for them). Healthy: node passes a
// child nothing beyond its three stdio fds, and every fd node itself opens is close-on-exec.
const { spawn } = require('child_process');
const http = require('http');
http.createServer((q, r) => r.end('ok\n')).listen(19804, '127.0.0.1');
const kids = [];
for (let i = 0; i < 6; i++) {
  const c = spawn('sleep', ['600'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  c.stdout.on('data', () => {}); c.stderr.on('data', () => {});
  kids.push(c);
}
setInterval(() => {}, 1000);
