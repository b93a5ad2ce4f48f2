// Node upload service that calls fs.watch on each uploaded file and never closes the watcher.
const fs = require('fs'); const path = require('path');
const dir = process.argv[2]; fs.mkdirSync(dir, { recursive: true });
const watchers = [];
let n = 0;
setInterval(() => {
  n++;
  const f = path.join(dir, `upload-${n}.part`);
  fs.writeFileSync(f, 'x');
  try { watchers.push(fs.watch(f, () => {})); }
  catch (e) { console.error(new Date().toISOString(), 'watch', f, e.code, e.message); }
  if (n % 200 === 0) console.log(new Date().toISOString(), 'uploads', n);
}, 5);
