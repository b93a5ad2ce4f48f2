// Keeps TARGET client connections to the gateway, each living 3-12 s with a heartbeat every
// 500 ms, then closing cleanly and being replaced. Bounded: stops after DURATION seconds.
'use strict';
const net = require('node:net');
const port = Number(process.argv[2] || 18680);
const target = Number(process.argv[3] || 300);
const duration = Number(process.argv[4] || 90);
let live = 0, stopping = false;
function one() {
  if (stopping) return;
  live++;
  const s = net.connect(port, '127.0.0.1');
  const hb = setInterval(() => s.write('HB\n'), 500);
  s.on('data', () => {});
  s.on('error', () => {});
  s.on('close', () => { clearInterval(hb); live--; setTimeout(one, 20); });
  setTimeout(() => s.end(), 3000 + Math.random() * 9000);
}
for (let i = 0; i < target; i++) setTimeout(one, i * 15);
setTimeout(() => { stopping = true; setTimeout(() => process.exit(0), 13000); }, duration * 1000);
