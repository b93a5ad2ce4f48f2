#!/usr/bin/env python3
"""An FTP client in active mode whose data port is closed (a firewall drops nothing, the port is
simply shut): every RETR gets 425. One session, one RETR every 20 ms each, for N seconds."""
import socket, sys, threading, time
port, secs = int(sys.argv[1]), float(sys.argv[2])
def sess():
    s = socket.create_connection(("127.0.0.1", port)); f = s.makefile("rwb")
    f.readline()
    f.write(b"PORT 1\r\n"); f.flush(); f.readline()
    end = time.time() + secs
    while time.time() < end:
        f.write(b"RETR report.csv\r\n"); f.flush(); f.readline(); time.sleep(0.02)
    f.write(b"QUIT\r\n"); f.flush(); f.readline(); s.close()
ts = [threading.Thread(target=sess) for _ in range(1)]
for t in ts: t.start()
for t in ts: t.join()
