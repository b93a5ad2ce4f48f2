// A toy dev-server proxy: every 20 ms it probes the compiler over TCP for its
// build status. The socket is opened with allowHalfOpen and the code reads the
// answer but never calls end()/destroy() when the compiler closes: each probe
// leaves one socket in CLOSE_WAIT.
const net = require('net');
const port = Number(process.argv[2]);
const held = [];
let n = 0;
setInterval(() => {
  const s = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  s.on('data', () => {});
  s.on('end', () => { n += 1; if (n % 100 === 0) console.log(`${new Date().toISOString()} [hmr] ${n} status probes`); });
  s.on('error', (e) => console.log(`${new Date().toISOString()} [hmr] probe failed: ${e.message}`));
  held.push(s);
}, 20);
