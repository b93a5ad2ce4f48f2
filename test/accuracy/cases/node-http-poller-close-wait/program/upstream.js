// A stand-in for the stock service the poller talks to: every response is
// "Connection: close" with a ~125 KB JSON body, and the server closes its end
// right after writing it.
'use strict';
const http = require('node:http');
const port = Number(process.argv[2] || 18081);
const body = JSON.stringify({
  items: Array.from({ length: 3000 }, (_, i) => ({ sku: `SKU-${100000 + i}`, qty: (i * 7) % 50, wh: 'FRA1' })),
});
http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
    res.end(body);
  })
  .listen(port, '127.0.0.1', () => console.log(`upstream listening on 127.0.0.1:${port}`));
