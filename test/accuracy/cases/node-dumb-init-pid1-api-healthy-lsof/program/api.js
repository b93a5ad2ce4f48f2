// api.js: a small HTTP server on 127.0.0.1:18268 that reads a template file per request with
// fs.readFile (opened and closed by Node). Healthy.
const http = require('http'); const fs = require('fs');
fs.writeFileSync('/srv/acc267/api/tpl.html', '<p>hi</p>\n');
http.createServer((req, res) => {
  fs.readFile('/srv/acc267/api/tpl.html', (err, buf) => { res.end(err ? 'err' : buf); });
}).listen(18268, '127.0.0.1');
