// Node cluster web server: the primary forks 6 workers sharing port 18787; each serves requests
// and re-reads its config every second (opened and closed).  Nothing leaks.
const cluster = require('node:cluster');
const http = require('node:http');
const fs = require('node:fs');
const CONF = process.argv[2];
const LOG = process.argv[3];
const log = (m) => fs.appendFileSync(LOG, `${new Date().toISOString()} web[${process.pid}] ${m}\n`);
if (cluster.isPrimary) {
  log('primary: forking 6 workers');
  for (let i = 0; i < 6; i++) cluster.fork();
} else {
  let conf = fs.readFileSync(CONF, 'utf8');
  setInterval(() => { conf = fs.readFileSync(CONF, 'utf8'); }, 1000);
  http.createServer((req, res) => res.end(conf)).listen(18787, '127.0.0.1', () => log('listening'));
}
