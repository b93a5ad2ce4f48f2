// gateway: a healthy Node server holding many keep-alive client connections; opens nothing per request.
const http = require('http');
const srv = http.createServer((req, res) => res.end('ok'));
srv.keepAliveTimeout = 600000;
srv.listen(Number(process.argv[2]), '127.0.0.1');
