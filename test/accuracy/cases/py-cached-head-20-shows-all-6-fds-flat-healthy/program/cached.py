#!/usr/bin/env python3
"""cached: a small cache server, suspected of leaking; it holds its log, its store and a listener, nothing more."""
import socket, time
log = open("/tmp/acc196/cached.log", "a", buffering=1)
store = open("/tmp/acc196/cached.db", "a+")
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18196)); srv.listen(16)
srv.settimeout(0.5)
while True:
    try:
        c, _ = srv.accept()
        c.close()
    except socket.timeout:
        pass
    log.write("tick\n")
