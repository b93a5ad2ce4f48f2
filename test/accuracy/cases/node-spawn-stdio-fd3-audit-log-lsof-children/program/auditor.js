// auditor: runs one job per second; each job's child gets the audit log as fd 3
// (stdio: ['inherit', 'inherit', 'inherit', auditFd]) so that it can append its own audit lines.
// The jobs here are long sleeps standing in for hung exporters.
const fs = require('fs');
const { spawn } = require('child_process');
fs.mkdirSync('/var/tmp/acc180/auditor', { recursive: true });
const auditFd = fs.openSync('/var/tmp/acc180/auditor/audit.log', 'a');
const net = require('net');
net.createServer(() => {}).listen(19803, '127.0.0.1');
let n = 0;
const t = setInterval(() => {
  if (++n > 40) return clearInterval(t);
  const c = spawn('sleep', ['600'], { stdio: ['inherit', 'inherit', 'inherit', auditFd] });
  fs.writeSync(auditFd, `${new Date().toISOString()} job ${n} pid ${c.pid}\n`);
}, 1000);
