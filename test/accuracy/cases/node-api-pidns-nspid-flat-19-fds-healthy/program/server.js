// api: a small HTTP service; every request reads a config file with fs.readFileSync (opened and
// closed each time) and answers. Nothing is kept.
const http = require('http'), fs = require('fs');
const cfg = process.argv[2];
http.createServer((req, res) => {
  const c = fs.readFileSync(cfg, 'utf8');
  res.end(c.length + '\n');
}).listen(18080, '127.0.0.1', () => console.log(`api[${process.pid}] listening on 18080`));
