#!/usr/bin/env python3
"""statworker: two workers send metrics over UDP; worker 'b' makes a socket per metric and never closes it."""
import socket, sys, time
role = sys.argv[1]
log = open(f"/tmp/acc196/statworker-{role}.log", "a")
kept = []
for i in range(700 if role == "b" else 1):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(b"req.count:1|c", ("127.0.0.1", 8125))
    if role == "b":
        kept.append(s)  # the leak: never closed
    else:
        s.close()
log.write("sent\n"); log.flush()
time.sleep(600)
