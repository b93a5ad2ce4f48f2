// A tiny Zigbee-to-MQTT-style bridge: every adapter health check reads the
// coordinator backup file to compare its network key. It opens the file with
// fs.openSync and reads it, but the close is only on the mismatch path, so
// every check that finds the key unchanged leaves the file open again.
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const backup = path.join(dir, 'coordinator_backup.json');
fs.writeFileSync(backup, JSON.stringify({ network_key: 'a1b2c3', pan_id: 6754 }));
const log = fs.createWriteStream(path.join(dir, 'zbridge.log'), { flags: 'a' });
const say = (m) => log.write(`[${new Date().toISOString()}] info: ${m}\n`);
say(`zbridge pid=${process.pid} started, adapter health check every 20 ms`);
let checks = 0;
setInterval(() => {
  const fd = fs.openSync(backup, 'r');
  const key = JSON.parse(fs.readFileSync(fd, 'utf8')).network_key;
  if (key !== 'a1b2c3') { fs.closeSync(fd); say('network key changed'); }
  if (++checks % 200 === 0) say(`adapter ok, ${checks} checks`);
}, 20);
