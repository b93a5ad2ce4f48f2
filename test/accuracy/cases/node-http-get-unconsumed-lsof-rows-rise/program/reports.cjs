// A stand-in report API: answers every GET with a 1 MiB body (more than the socket buffers hold).
const http = require('http');
const body = Buffer.alloc(1 << 20, 'x');
http.createServer((req, res) => { res.writeHead(200, { 'Content-Length': body.length }); res.end(body); })
  .listen(Number(process.argv[2]), '127.0.0.1');
