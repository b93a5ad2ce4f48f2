// A tiny home-automation hub bridge: sensors connect over TCP, send one JSON
// status line and close their end. The server is created with allowHalfOpen so
// that it could still answer; it never does, and never ends or destroys the
// socket after 'end', so every finished sensor leaves a CLOSE_WAIT socket.
const net = require('net');
const port = Number(process.argv[2] || 7421);
const seen = new Map();
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  let buf = '';
  sock.on('data', (d) => { buf += d; });
  sock.on('end', () => {
    try {
      const msg = JSON.parse(buf);
      seen.set(msg.id, msg);
    } catch (e) {
      console.log(`${new Date().toISOString()} bad report: ${e.message}`);
    }
    // missing: sock.end()
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`${new Date().toISOString()} hubbridge pid=${process.pid} listening 127.0.0.1:${port}`);
});
setInterval(() => {
  console.log(`${new Date().toISOString()} sensors=${seen.size}`);
}, 5000);
