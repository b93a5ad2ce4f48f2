// A small price service that answers each request from memory and closes each connection.
// A heartbeat logs its own fd count as winston's json format prints a record with metadata:
// {"fd_count":N,"level":"info","message":"heartbeat","service":"pricesvc","timestamp":"…"}.
'use strict';
const fs = require('fs');
const http = require('http');
function log(level, message, meta) {
  process.stdout.write(JSON.stringify({ ...meta, level, message, service: 'pricesvc', timestamp: new Date().toISOString() }) + '\n');
}
setInterval(() => log('info', 'heartbeat', { fd_count: fs.readdirSync('/proc/self/fd').length }), 3000);
const srv = http.createServer((req, res) => { res.setHeader('Connection', 'close'); res.end('{"price":42}\n'); });
srv.keepAliveTimeout = 1000;
srv.listen(Number(process.argv[2]), '127.0.0.1');
