// statusd: checks a report endpoint every 50 ms and only looks at the status code.
// The bug: the response is never consumed (no res.resume(), no 'data' listener), so each
// response stays paused with its socket open and ESTABLISHED; agent:false opens a new one per check.
const http = require('http');
const port = Number(process.argv[2]);
let n = 0;
console.log(`statusd pid ${process.pid} checking 127.0.0.1:${port}`);
setInterval(() => {
  http.get({ host: '127.0.0.1', port, path: '/report/daily', agent: false }, (res) => {
    if (res.statusCode !== 200) console.log(`check ${n}: status ${res.statusCode}`);
    n++; // BUG: res.resume() missing
  }).on('error', (e) => console.log(`check ${n}: ${e.message}`));
}, 50);
