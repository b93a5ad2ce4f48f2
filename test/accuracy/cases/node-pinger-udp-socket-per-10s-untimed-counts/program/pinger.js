// A health pinger that makes a new UDP socket for each probe and never closes it.
const dgram = require('dgram');
const keep = [];
function probe() {
  const s = dgram.createSocket('udp4');
  s.send(Buffer.from('ping'), 19461, '127.0.0.1', () => {}); // leak: no s.close()
  keep.push(s);
}
setInterval(probe, 10000);
probe();
