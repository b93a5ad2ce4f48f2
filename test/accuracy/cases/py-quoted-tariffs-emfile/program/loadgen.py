#!/usr/bin/env python3
"""One client session sending RATE quote requests per second for SECONDS seconds."""
import socket
import sys
import time

rate, seconds = int(sys.argv[1]), int(sys.argv[2])
syms = ['EURUSD', 'GBPUSD', 'USDJPY', 'AUDUSD', 'USDCHF']
s = socket.create_connection(('127.0.0.1', 47101))
f = s.makefile('rb')
t0 = time.time()
i = 0
while time.time() - t0 < seconds:
    s.sendall(('QUOTE %s\n' % syms[i % len(syms)]).encode())
    f.readline()
    i += 1
    time.sleep(max(0.0, t0 + i / rate - time.time()))
