// A local metrics agent on a unix socket: reads one request, answers "OK n" and closes
// its end right away (destroy, no half-open). Healthy: it keeps nothing open.
'use strict';
const net = require('node:net');
const fs = require('node:fs');
const path = process.argv[2] || '/tmp/cm/orders-svc/run/agent.sock';
try { fs.unlinkSync(path); } catch {}
let n = 0;
net
  .createServer((sock) => {
    sock.once('data', (d) => {
      n++;
      sock.write(`OK ${d.toString().split('\n').length - 1}\n`, () => sock.destroy());
    });
    sock.on('error', () => sock.destroy());
  })
  .listen(path, () => console.log(`agent listening on ${path}`));
