// feed: a tiny price feed; answers one line and closes its side.
const net = require('net');
net.createServer({ allowHalfOpen: false }, (s) => { s.end('px 101.25\n'); }).listen(7311, '127.0.0.1');
