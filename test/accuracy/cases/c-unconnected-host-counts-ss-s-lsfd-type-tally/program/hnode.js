// healthy: HTTP server with keep-alive clients in the same process (an agent pool of N)
const http = require('http');
const port = +process.argv[2], n = +process.argv[3] || 8;
const srv = http.createServer((q, r) => r.end('ok\n')).listen(port, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: n });
  setInterval(() => { for (let i = 0; i < n; i++) http.get({ port, host: '127.0.0.1', agent }, r => r.resume()); }, 500);
});
