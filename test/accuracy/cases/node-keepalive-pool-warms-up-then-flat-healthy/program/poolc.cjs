// poolc: calls its backend through a keep-alive agent (maxSockets 48). Traffic ramps up
// during the first seconds, so the agent opens sockets until the pool is full; after that
// every request reuses one and the count stays flat.
const http = require('http');
const fs = require('fs');
const port = Number(process.argv[2]);
const log = fs.createWriteStream('poolc.log', { flags: 'a' });
const say = (m) => log.write(`${new Date().toISOString()} poolc[${process.pid}] ${m}\n`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 48 });
const t0 = Date.now();
let done = 0;
function one() {
  http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
    res.resume();
    res.on('end', () => { done++; setTimeout(one, 20); });
  }).on('error', (e) => say(`request failed: ${e.message}`));
}
// concurrency ramps from 4 to 48 over ~12 s
let started = 0;
const ramp = setInterval(() => {
  const want = Math.min(48, 4 + Math.floor((Date.now() - t0) / 250));
  while (started < want) { started++; one(); }
  if (started >= 48) { clearInterval(ramp); say('ramp done: 48 in flight'); }
}, 100);
setInterval(() => say(`stats done=${done}`), 5000);
say('started');
