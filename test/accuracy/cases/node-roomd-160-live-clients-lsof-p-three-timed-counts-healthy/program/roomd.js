// roomd: a small healthy chat-room server (Node.js net) written for an fdleak
// accuracy case. Every line a client sends is relayed to the others; a client
// that leaves is removed and its socket destroyed.
const net = require('net');
const port = Number(process.argv[2] || 17070);
const clients = new Set();
const server = net.createServer((sock) => {
  clients.add(sock);
  sock.setEncoding('utf8');
  sock.on('data', (line) => { for (const c of clients) if (c !== sock) c.write(line); });
  const drop = () => { clients.delete(sock); sock.destroy(); };
  sock.on('end', drop);
  sock.on('error', drop);
});
server.listen(port, '127.0.0.1', () => console.log(`roomd[${process.pid}] listening on 127.0.0.1:${port}`));
setInterval(() => console.log(`roomd[${process.pid}] ${clients.size} clients`), 10000);
