// Node cluster "relay": the primary forks 4 workers; every 100 ms each worker forwards a message to
// the local agent over its unix socket.  Worker 3 was switched to the "keepalive" agent client,
// which opens a new connection per message and never ends it (the bug); the others end theirs.
const cluster = require('node:cluster');
const net = require('node:net');
const fs = require('node:fs');
const LOG = process.argv[2];
const AGENT = process.argv[3];
const log = (m) => fs.appendFileSync(LOG, `${new Date().toISOString()} relay[${process.pid}]: ${m}\n`);

if (cluster.isPrimary) {
  log('primary starting 4 workers');
  for (let i = 1; i <= 4; i++) cluster.fork({ RELAY_WORKER: String(i) });
} else {
  const n = Number(process.env.RELAY_WORKER);
  const held = [];
  let sent = 0;
  log(`worker ${n} ready`);
  setInterval(() => {
    const c = net.createConnection(AGENT, () => {
      c.write(`msg ${sent}\n`);
      if (n === 3) held.push(c); else c.end();
    });
    c.on('error', (e) => log(`worker ${n} agent error: ${e.message}`));
    sent++;
    if (sent % 200 === 0) log(`worker ${n} forwarded ${sent} messages`);
  }, 100);
}
