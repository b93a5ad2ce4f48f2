// client load: one short HTTP request every DELAY ms (no keep-alive)
const http = require('http');
const port = +process.argv[2], delay = +process.argv[3];
setInterval(() => http.get({ port, host: '127.0.0.1', path: '/audit', agent: false }, r => r.resume()).on('error', () => {}), delay);
