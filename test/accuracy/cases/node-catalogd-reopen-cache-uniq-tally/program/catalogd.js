// catalogd: answers a lookup every 20 ms from its on-disk cache file.
// BUG: lookup() opens the cache file per request and never closes the fd.
const fs = require('fs');
const cache = process.argv[2];
let served = 0;
function lookup(key) {
  const fd = fs.openSync(cache, 'r');
  const buf = Buffer.alloc(64);
  fs.readSync(fd, buf, 0, 64, (key * 64) % 4096);
  return buf; // fd is never closed
}
setInterval(() => {
  try { lookup(served); served++; }
  catch (e) { console.error(new Date().toISOString(), 'catalogd lookup failed:', e.message); }
}, 20);
