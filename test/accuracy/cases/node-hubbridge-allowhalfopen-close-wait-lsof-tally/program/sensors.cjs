// Sensors: one short TCP report each, 40 sensors, every 2 s, for a while.
const net = require('net');
const port = Number(process.argv[2] || 7421);
let round = 0;
const t = setInterval(() => {
  for (let i = 0; i < 40; i++) {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end(JSON.stringify({ id: `sensor-${i}`, temp: 20 + Math.random(), round }));
      setTimeout(() => s.destroy(), 300);
    });
    s.on('error', () => {});
    s.on('close', () => {});
  }
  if (++round >= 8) clearInterval(t);
}, 2000);
