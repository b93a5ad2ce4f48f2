#!/usr/bin/env python3
"""20 long-lived clients: each keeps its session open and fetches a file now and then;
every 5 s one of them says BYE and a new one takes its place."""
import random, socket, sys, threading, time
port, secs = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + secs
def client(life):
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    stop = time.time() + life
    while time.time() < min(stop, end):
        s.sendall(b"GET file%d.dat\n" % random.randrange(10))
        n = int(f.readline()); f.read(n)
        time.sleep(0.3)
    s.sendall(b"BYE\n"); f.close(); s.close()
ts = [threading.Thread(target=client, args=(secs + 5,)) for _ in range(19)]
for t in ts: t.start()
while time.time() < end:
    c = threading.Thread(target=client, args=(5,)); c.start(); time.sleep(5)
for t in ts: t.join()
