// A local UDP service that answers only every third probe (the others are "lost").
'use strict';
const dgram = require('node:dgram');
const port = Number(process.argv[2] || 18953);
const s = dgram.createSocket('udp4');
let n = 0;
s.on('message', (msg, rinfo) => { if (++n % 3 === 0) s.send(`PONG ${msg.toString().slice(5)}`, rinfo.port, rinfo.address); });
s.bind(port, '127.0.0.1', () => console.log(`responder on 127.0.0.1:${port}`));
