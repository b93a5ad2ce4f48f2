// poller: polls the feed every 20 ms. Bug: allowHalfOpen keeps the socket open after the feed
// closes its side, and the code never calls end()/destroy(): each poll leaves a CLOSE_WAIT socket.
const net = require('net');
let n = 0;
console.log(`${new Date().toISOString()} poller: pid=${process.pid} polling 127.0.0.1:7311`);
const t = setInterval(() => {
  if (++n > 400) { clearInterval(t); console.log(`${new Date().toISOString()} poller: paused after 400 polls`); return; }
  const s = net.connect({ host: '127.0.0.1', port: 7311, allowHalfOpen: true });
  s.on('data', (d) => { if (n % 100 === 0) console.log(`${new Date().toISOString()} poller: poll ${n}: ${d.toString().trim()}`); });
  s.on('error', (e) => console.log(`${new Date().toISOString()} poller: poll ${n}: ${e.message}`));
}, 20);
setInterval(() => {}, 1000);
