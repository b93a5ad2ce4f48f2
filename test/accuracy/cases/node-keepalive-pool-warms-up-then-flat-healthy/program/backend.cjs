// backend: answers every request after 15 ms, keeps connections alive
require('http').createServer((q, r) => setTimeout(() => r.end('ok\n'), 15)).listen(Number(process.argv[2]), '127.0.0.1');
