#!/usr/bin/env python3
"""pooler: a toy PostgreSQL-protocol front end (written for an fdleak accuracy case).

It accepts client connections on 127.0.0.1:PORT and reads their messages. A client that ends its
session properly sends Terminate ('X'); the pooler then closes its socket. The bug: a client that
just disconnects (EOF, no Terminate — a killed app, a pool that drops idle connections) is taken off
the poller but its socket is never closed, so it sits in CLOSE_WAIT forever.
"""
import selectors, socket, sys, time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 16432
sel = selectors.DefaultSelector()
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", PORT))
srv.listen(512)
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ)
log = open("pooler.log", "a", buffering=1)
def say(m): log.write(time.strftime("%Y-%m-%d %H:%M:%S ") + f"LOG {m}\n")
say(f"listening on 127.0.0.1:{PORT}")
gone = []      # sockets of clients that went away: kept, never closed (the bug)
while True:
    for key, _ in sel.select(timeout=1):
        s = key.fileobj
        if s is srv:
            try:
                c, addr = srv.accept()
            except OSError as e:
                say(f"accept() failed: {e.strerror}")
                continue
            c.setblocking(False)
            sel.register(c, selectors.EVENT_READ)
            continue
        data = s.recv(4096)
        if data.endswith(b"X"):
            sel.unregister(s); s.close()
        elif not data:
            sel.unregister(s)          # forgets the socket, never closes it
            gone.append(s)
            say(f"client closed connection; {len(gone)} gone")
