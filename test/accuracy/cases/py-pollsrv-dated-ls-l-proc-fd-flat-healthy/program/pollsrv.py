#!/usr/bin/env python3
"""pollsrv: a healthy epoll echo server with a listener, an epoll set and a
fixed pool of 4 client connections to itself, held steady."""
import os, sys, time, socket, select, signal
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", 0)); ls.listen(16)
ep = select.epoll()
ep.register(ls.fileno(), select.EPOLLIN)
clients = [socket.create_connection(ls.getsockname()) for _ in range(4)]
conns = {}
log = open("/tmp/r327-work/pollsrv.log", "a", buffering=1)
log.write("pollsrv listening on %s:%d\n" % ls.getsockname())
i = 0
while True:
    for fd, ev in ep.poll(0.2):
        if fd == ls.fileno():
            c, _ = ls.accept(); conns[c.fileno()] = c; ep.register(c.fileno(), select.EPOLLIN)
        else:
            d = conns[fd].recv(64)
            if d: conns[fd].send(d)
    c = clients[i % 4]; c.send(b"ping"); i += 1
    if i % 20000 == 0:
        log.write("pollsrv served %d pings\n" % i)
