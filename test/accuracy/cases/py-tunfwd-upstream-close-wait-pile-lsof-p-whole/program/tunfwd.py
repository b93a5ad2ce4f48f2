#!/usr/bin/env python3
"""A tiny port-forwarding tunnel client written for the fdleak corpus.

Each local client gets its own connection to the one upstream; the relay copies
the request up and the reply down, then closes the client. Bug: it never closes
the upstream side, so when the upstream hangs up the socket stays in CLOSE_WAIT.
"""
import socket
import sys
import threading

LOCAL, UPSTREAM = int(sys.argv[1]), ("127.0.0.1", int(sys.argv[2]))
kept = []


def handle(cli):
    try:
        up = socket.create_connection(UPSTREAM, timeout=2)
        kept.append(up)  # the leak: never closed
        up.sendall(cli.recv(512))
        cli.sendall(up.recv(512))
    except OSError as e:
        print("tunfwd: flow failed:", e, file=sys.stderr, flush=True)
    finally:
        cli.close()


srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", LOCAL))
srv.listen(128)
while True:
    c, _ = srv.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
