// clients: holds N keep-alive connections to the gateway and sends one request on each every 5 s.
const http = require('http');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(process.argv[3]) });
const n = Number(process.argv[3]);
function hit() { http.get({ host: '127.0.0.1', port: Number(process.argv[2]), agent }, (r) => r.resume()).on('error', () => {}); }
for (let i = 0; i < n; i++) hit();
setInterval(() => { for (let i = 0; i < n; i++) hit(); }, 5000);
