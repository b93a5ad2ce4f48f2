// statusd: answers every request and closes the connection (HTTP/1.0 style).
const net = require('net');
net.createServer((c) => {
  c.once('data', () => c.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  c.on('error', () => {});
}).listen(Number(process.argv[2]), '127.0.0.1');
