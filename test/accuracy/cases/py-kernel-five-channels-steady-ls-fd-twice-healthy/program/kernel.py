#!/usr/bin/env python3
"""A Jupyter-kernel-like process, written for a test case (healthy).

It binds the five channels a kernel's connection file names (shell, iopub,
stdin, control, hb) on 127.0.0.1, accepts one client per channel, answers
heartbeats and closes every per-request scratch file it opens.  Its fd table
stays the same size however long it runs.
"""
import json
import os
import selectors
import socket
import sys
import tempfile
import time

sel = selectors.DefaultSelector()
ports = {}
for name in ("shell", "iopub", "stdin", "control", "hb"):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    s.setblocking(False)
    ports[name] = s.getsockname()[1]
    sel.register(s, selectors.EVENT_READ, ("listen", name))
with open(sys.argv[1], "w") as f:
    json.dump({"transport": "tcp", "ip": "127.0.0.1", **{f"{k}_port": v for k, v in ports.items()}}, f)

log = open(sys.argv[2], "a", buffering=1)
log.write(f"[I {time.strftime('%H:%M:%S')}] kernel {os.getpid()} ready, ports {ports}\n")
while True:
    for key, _ in sel.select(timeout=1.0):
        what, name = key.data
        if what == "listen":
            c, _ = key.fileobj.accept()
            c.setblocking(False)
            sel.register(c, selectors.EVENT_READ, ("conn", name))
        else:
            data = key.fileobj.recv(4096)
            if not data:
                sel.unregister(key.fileobj)
                key.fileobj.close()
                continue
            if name == "hb":
                key.fileobj.send(data)
            else:
                with tempfile.TemporaryFile() as t:  # per-request scratch, closed
                    t.write(data)
