#!/usr/bin/env python3
"""A stand-in metrics collector: accepts TCP connections on 127.0.0.1:47103 and reads each until
the peer closes it (then closes its own end). Not part of the leak."""
import selectors
import socket

sel = selectors.DefaultSelector()
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 47103))
srv.listen(256)
sel.register(srv, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        if key.fileobj is srv:
            c, _ = srv.accept()
            sel.register(c, selectors.EVENT_READ)
        else:
            if not key.fileobj.recv(4096):
                sel.unregister(key.fileobj)
                key.fileobj.close()
