// rotator: an idle HTTP service with a periodic job (every 5 s here, once a minute in
// production) that checks each of 24 shard logs before archiving it.
// Bug: a shard whose log is empty is skipped with an early `continue` that never closes the
// fd it opened for the check, so each run leaks one fd per empty shard; between runs the
// count stays flat.
const fs = require('fs');
const http = require('http');
const path = require('path');
const dir = path.join(process.cwd(), 'shards');
const log = fs.createWriteStream('rotator.log', { flags: 'a' });
const say = (m) => log.write(`${new Date().toISOString()} rotator[${process.pid}] ${m}\n`);
http.createServer((q, r) => r.end('ok\n')).listen(0, '127.0.0.1');
let run = 0;
function rotate() {
  run++;
  let archived = 0, skipped = 0;
  for (const name of fs.readdirSync(dir)) {
    const fd = fs.openSync(path.join(dir, name), 'r');
    if (fs.fstatSync(fd).size === 0) { skipped++; continue; }   // BUG: fd not closed
    fs.closeSync(fd);
    archived++;
  }
  say(`rotate run ${run}: ${archived} archived, ${skipped} empty shards skipped`);
}
setInterval(rotate, 5000);
say('started');
