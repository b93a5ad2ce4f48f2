// inventory-sync: polls the stock service and only looks at the status code.
// BUG: the response body is never consumed (no res.resume(), no res.on('data')),
// so Node stops reading the socket once the 16 KB buffer of `res` is full; the
// server's FIN is never read and the socket is never closed: it sits in
// CLOSE_WAIT forever, one per poll.
'use strict';
const http = require('node:http');
const url = process.argv[2] || 'http://127.0.0.1:18081/stock';
const everyMs = Number(process.argv[3] || 100);
let n = 0;
const ts = () => new Date().toISOString();
console.log(`${ts()} INFO  inventory-sync pid=${process.pid} polling ${url} every ${everyMs}ms`);
setInterval(() => {
  const id = ++n;
  const req = http.get(url, { agent: false }, (res) => {
    if (res.statusCode !== 200) console.log(`${ts()} WARN  poll #${id} status=${res.statusCode}`);
    else if (id % 50 === 0) console.log(`${ts()} INFO  poll #${id} ok status=200 length=${res.headers['content-length']}`);
    // body ignored: the response is never read nor destroyed
  });
  req.on('error', (err) => console.log(`${ts()} ERROR poll #${id} failed: ${err.message}`));
}, everyMs);
