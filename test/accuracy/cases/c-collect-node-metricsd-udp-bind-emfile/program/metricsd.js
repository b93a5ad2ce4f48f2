// metricsd: sends each metric from a fresh UDP socket and never closes it.
const dgram = require('dgram');
let n = 0;
console.log(`${new Date().toISOString()} metricsd[${process.pid}] started, shipping to 127.0.0.1:8125`);
function tick() {
  n++;
  const s = dgram.createSocket('udp4');
  s.on('error', (e) => {
    console.error(`${new Date().toISOString()} metricsd[${process.pid}] metric ${n}: ${e.message}`);
  });
  s.send(`req.count:${n}|c`, 8125, '127.0.0.1', (e) => {
    if (e) console.error(`${new Date().toISOString()} metricsd[${process.pid}] send ${n} failed: ${e.message}`);
  });
  // the bug: s.close() is never called
  setTimeout(tick, n > 600 ? 1000 : 10);
}
tick();
