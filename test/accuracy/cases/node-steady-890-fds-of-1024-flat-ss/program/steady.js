// Healthy Node TCP server holding ~890 idle client connections (a fixed pool), flat.
const net = require('net');
const conns = new Set();
const srv = net.createServer((s) => { conns.add(s); s.on('close', () => conns.delete(s)); });
srv.listen(40169, '127.0.0.1', () => {
  const clients = [];
  for (let i = 0; i < 440; i++) clients.push(net.connect(40169, '127.0.0.1'));
});
setInterval(() => console.log(new Date().toISOString(), 'open connections', conns.size), 5000);
