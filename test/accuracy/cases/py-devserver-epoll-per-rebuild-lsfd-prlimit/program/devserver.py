#!/usr/bin/env python3
"""A toy dev server: on each rebuild it makes a fresh epoll-based event loop to
wait for the bundler step, and forgets the previous one without closing it.
Each rebuild leaks one anon_inode:[eventpoll] fd."""
import select, socket, sys, time

log = open(sys.argv[1], "a", buffering=1)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen(16)
log.write("dev server listening on http://127.0.0.1:%d\n" % srv.getsockname()[1])
loops = []
n = 0
while True:
    n += 1
    ep = select.epoll()           # new loop per rebuild
    ep.register(srv.fileno(), select.EPOLLIN)
    ep.poll(0)
    loops.append(ep)              # old loops stay referenced, never closed
    log.write("%s rebuilt in 3ms (rebuild #%d)\n" % (time.strftime("%H:%M:%S"), n))
    time.sleep(0.01)
