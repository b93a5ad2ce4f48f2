// presence-gateway: a healthy, busy TCP server. Clients connect, send a heartbeat line every
// 500 ms and get "ACK n" back; when a client goes away the server closes its end (the default
// allowHalfOpen=false, plus destroy on error and an idle timeout). Nothing leaks: the fd
// count follows the number of connected clients.
'use strict';
const net = require('node:net');
const port = Number(process.argv[2] || 18680);
const ts = () => new Date().toISOString();
let open = 0, accepted = 0, closed = 0;
const server = net.createServer((sock) => {
  open++; accepted++;
  let n = 0;
  sock.setTimeout(15000, () => sock.destroy());
  sock.on('data', () => { n++; sock.write(`ACK ${n}\n`); });
  sock.on('error', () => sock.destroy());
  sock.on('close', () => { open--; closed++; });
});
server.listen(port, '127.0.0.1', () => console.log(`${ts()} INFO presence-gateway pid=${process.pid} listening on 127.0.0.1:${port}`));
setInterval(() => console.log(`${ts()} INFO connections open=${open} accepted_total=${accepted} closed_total=${closed}`), 5000);
