#!/usr/bin/env python3
"""beacon: makes a TCP socket per heartbeat, and when the collector is down skips connect() and close()."""
import socket, time
kept = []
for beat in range(600):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # collector marked down: the beat is dropped, the socket is not closed
    kept.append(s)
time.sleep(600)
