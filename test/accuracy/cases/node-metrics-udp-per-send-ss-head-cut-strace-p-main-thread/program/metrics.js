// metrics: sends a gauge over UDP every 20 ms; makes a new socket per send and never closes it.
const dgram = require('node:dgram');
let n = 0;
setInterval(() => {
  const sock = dgram.createSocket('udp4'); // BUG: one socket per send, never sock.close()
  const msg = Buffer.from(`app.queue.depth:${n % 17}|g`);
  sock.send(msg, 8125, '127.0.0.1', (err) => {
    if (err) console.error(`${new Date().toISOString()} metrics[${process.pid}]: send: ${err.message}`);
  });
  n++;
  if (n % 100 === 0) console.log(`${new Date().toISOString()} metrics[${process.pid}]: ${n} gauges sent`);
}, 20);
