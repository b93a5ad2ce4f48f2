// leaker: an HTTP service that opens its audit log for every request and never closes it
const http = require('http'), fs = require('fs');
const port = +process.argv[2], log = process.argv[3];
http.createServer((q, r) => {
  const fd = fs.openSync(log, 'a');          // BUG: no fs.closeSync(fd)
  fs.writeSync(fd, `${new Date().toISOString()} ${q.url}\n`);
  r.end('ok\n');
}).listen(port, '127.0.0.1');
