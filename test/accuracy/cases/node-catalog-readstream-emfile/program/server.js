// catalog-api: serves catalog.json with an ETag.
// BUG: the read stream is created before the conditional-request check; on a 304 the handler
// returns without piping or destroying it, so the file's fd stays open for good (a
// ReadStream that is never read is never closed). Every revalidation leaks one fd on the
// same file; at the limit fs.createReadStream fails with
//   EMFILE: too many open files, open '/tmp/cm/catalog-api/data/catalog.json'
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const crypto = require('node:crypto');
const file = process.argv[2] || '/tmp/cm/catalog-api/data/catalog.json';
const port = Number(process.argv[3] || 18480);
const etag = '"' + crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex').slice(0, 16) + '"';
const ts = () => new Date().toISOString();
let served = 0, notModified = 0;

http
  .createServer((req, res) => {
    if (req.url !== '/catalog') { res.writeHead(404).end(); return; }
    const stream = fs.createReadStream(file);
    stream.on('error', (err) => {
      console.error(`${ts()} ERROR GET /catalog failed: ${err.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
    if (req.headers['if-none-match'] === etag) {
      notModified++;
      res.writeHead(304, { etag }).end();
      return;                                  // stream neither piped nor destroyed
    }
    served++;
    res.writeHead(200, { 'content-type': 'application/json', etag });
    stream.pipe(res);
  })
  .listen(port, '127.0.0.1', () => console.log(`${ts()} INFO catalog-api pid=${process.pid} listening on 127.0.0.1:${port}, etag ${etag}`));

setInterval(() => console.log(`${ts()} INFO stats served=${served} not_modified=${notModified}`), 10000);
