// A tiny watch-mode test runner: every run loads each suite's snapshot
// through a SnapshotState that opens the file and keeps the fd "for updates".
// Nothing ever closes it, so every re-run adds 12 fds until EMFILE.
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, 'proj', '__snapshots__');
const suites = fs.readdirSync(dir).filter((f) => f.endsWith('.snap')).sort();
let run = 0;
class SnapshotState {
  constructor(file) {
    this.file = file;
    this.fd = fs.openSync(file, 'r'); // kept for a later "update" that never comes
    const buf = Buffer.alloc(256);
    fs.readSync(this.fd, buf, 0, 256, 0);
  }
}
function log(msg) {
  console.log(`${new Date().toISOString()} [watch] ${msg}`);
}
function runAll() {
  run += 1;
  let passed = 0;
  for (const s of suites) {
    try {
      new SnapshotState(path.join(dir, s));
      passed += 1;
    } catch (e) {
      log(`FAIL ${s}: ${e.message}`);
    }
  }
  log(`run ${run}: ${passed}/${suites.length} suites passed`);
}
log(`pid ${process.pid} watching ${dir}`);
setInterval(runAll, 150);
