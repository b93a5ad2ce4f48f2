#!/usr/bin/env python3
"""A toy content-filter (milter-like) daemon written for this case: the MTA connects on a
unix socket per message, sends it, reads the verdict and hangs up. Bug: the daemon keeps
every connection in its per-message context table and never closes it at end of message."""
import os, select, socket, sys, time

PATH = sys.argv[1]
logf = open(sys.argv[2], "a", buffering=1)
contexts = {}

def log(msg):
    logf.write(time.strftime("%b %d %H:%M:%S") + " mx1 milterd[%d]: %s\n" % (os.getpid(), msg))

srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(PATH)
srv.listen(64)
log("listening on unix:%s" % PATH)
while True:
    conn, _ = srv.accept()
    data = conn.recv(65536)
    conn.sendall(b"ACCEPT\n")
    contexts[conn.fileno()] = conn    # BUG: end of message never frees the context
