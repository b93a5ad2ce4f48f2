// metricsd: sends a statsd counter per request over a new UDP socket it never closes (the bug).
const dgram = require('dgram');
const fs = require('fs');
const logf = process.argv[2];
const log = (l, m) => fs.appendFileSync(logf, `${new Date().toISOString()} ${l} metricsd: ${m}\n`);
let n = 0;
setInterval(() => {
  n++;
  try {
    const s = dgram.createSocket('udp4');
    s.on('error', (e) => log('error', `statsd socket: ${e.message}`));
    s.send(`req.count:1|c`, 8125, '127.0.0.1', (err) => { if (err) log('error', `send ${n}: ${err.message}`); });
  } catch (e) {
    log('error', `request ${n}: ${e.message}`);
  }
  if (n % 200 === 0) log('info', `${n} requests served`);
}, 20);
