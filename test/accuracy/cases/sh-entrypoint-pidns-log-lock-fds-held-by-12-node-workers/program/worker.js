// worker: a queue consumer that does its job and nothing with fds it did not open.
const id = process.argv[2];
setInterval(() => { JSON.stringify({ id, t: Date.now() }); }, 500);
