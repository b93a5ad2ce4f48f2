// A catalog service: every request opens catalog.json to read its version and forgets the fd.
// A timer logs its own fd count (fs.readdirSync('/proc/self/fd').length) as a pino-style JSON line.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const FILE = process.argv[2];
fs.writeFileSync(FILE, JSON.stringify({ version: 7, items: [] }));
function log(level, fields, msg) {
  process.stdout.write(JSON.stringify({ level, time: Date.now(), pid: process.pid, hostname: os.hostname(), ...fields, msg }) + '\n');
}
setInterval(() => log(30, { open_fds: fs.readdirSync('/proc/self/fd').length }, 'fd check'), 3000);
http.createServer((req, res) => {
  try {
    const fd = fs.openSync(FILE, 'r');
    const buf = Buffer.alloc(64);
    fs.readSync(fd, buf, 0, 64, 0);
    res.end('ok\n');
  } catch (err) {
    log(50, { err: { type: err.name, message: err.message, code: err.code } }, 'catalog read failed');
    res.statusCode = 500;
    res.end();
  }
}).listen(Number(process.argv[3]), '127.0.0.1');
