#!/usr/bin/env python3
"""A tiny DNS-sinkhole-style forwarder: each query from a client is sent
upstream on a fresh UDP socket; the reply is relayed back. The upstream socket
is kept in a dict keyed by query id "to match late replies" and never closed."""
import os, select, socket, sys, time
listen = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
listen.bind(("127.0.0.1", 5399))
upstream = ("127.0.0.1", 5398)
pending = {}
print(f"{time.strftime('%H:%M:%S')} dnsfwd pid={os.getpid()} on 127.0.0.1:5399", flush=True)
qid = 0
while True:
    r, _, _ = select.select([listen] + list(pending.values())[-50:], [], [], 1.0)
    for s in r:
        if s is listen:
            data, client = listen.recvfrom(512)
            qid += 1
            up = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            up.sendto(data, upstream)
            pending[qid] = up          # never closed, never removed
        else:
            try:
                s.recv(512)
            except OSError:
                pass
