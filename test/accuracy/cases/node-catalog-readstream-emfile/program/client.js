// A load generator: a few keep-alive clients that revalidate /catalog with If-None-Match,
// like browsers and CDN edges do. Bounded: stops after DURATION seconds.
'use strict';
const http = require('node:http');
const port = Number(process.argv[2] || 18480);
const rps = Number(process.argv[3] || 20);
const duration = Number(process.argv[4] || 120);
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
let etag = null;
const t = setInterval(() => {
  const req = http.get({ host: '127.0.0.1', port, path: '/catalog', agent, headers: etag ? { 'if-none-match': etag } : {} }, (res) => {
    if (res.headers.etag) etag = res.headers.etag;
    res.resume();
  });
  req.on('error', () => {});
}, 1000 / rps);
setTimeout(() => { clearInterval(t); agent.destroy(); }, duration * 1000);
