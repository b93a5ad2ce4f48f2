#!/usr/bin/env python3
"""voiced: a tiny Mumble-like voice relay written for an fdleak accuracy case.

A client asks for a voice session over TCP; the server binds a UDP socket for that
session's audio and tells the client its port. When the client hangs up the TCP
control connection is closed, but the session's UDP socket is never closed (the bug).
"""
import os, select, socket, sys, time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 16480
ctl = socket.socket(); ctl.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ctl.bind(("127.0.0.1", PORT)); ctl.listen(64)
print("voiced[%d] control on 127.0.0.1:%d" % (os.getpid(), PORT), flush=True)
sessions = {}   # control socket -> udp socket
voice = []      # every UDP socket ever made (kept: the leak)
while True:
    r, _, _ = select.select([ctl] + list(sessions), [], [], 1.0)
    for s in r:
        if s is ctl:
            c, _ = ctl.accept()
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.bind(("127.0.0.1", 0))
            voice.append(u)
            sessions[c] = u
            c.sendall(b"VOICE %d\n" % u.getsockname()[1])
        else:
            if not s.recv(512):
                sessions.pop(s)   # BUG: the session's UDP socket stays open in `voice`
                s.close()
