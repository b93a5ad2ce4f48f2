// The "compiler" side: answers each status probe and closes its end.
const net = require('net');
const srv = net.createServer((s) => { s.end('{"status":"idle"}\n'); });
srv.listen(Number(process.argv[2]), '127.0.0.1');
