// render.js: a Node cluster (prefork) master with 3 workers. Worker 2 opens the font file with
// fs.openSync per render and never closes it (an early return skips the close). Stops at 600.
const cluster = require('cluster'); const fs = require('fs');
const FONT = '/srv/acc267/render/fonts/DejaVuSans.ttf';
if (cluster.isPrimary) {
  for (let i = 1; i <= 3; i++) cluster.fork({ WORKER_NO: String(i) });
} else {
  let n = 0;
  setInterval(() => {
    if (n >= 600) return;
    n++;
    const fd = fs.openSync(FONT, 'r');
    if (process.env.WORKER_NO === '2') return; // cached glyphs: returns before closing fd
    fs.closeSync(fd);
  }, 10);
}
