#!/usr/bin/env python3
"""120 members stay in the room and chat; 40 more come and go all the time."""
import random, socket, sys, threading, time
port = int(sys.argv[1])
stay = [socket.create_connection(("127.0.0.1", port)) for _ in range(120)]
def churn():
    while True:
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"hi\n"); time.sleep(random.random() * 0.5); s.close()
for _ in range(40):
    threading.Thread(target=churn, daemon=True).start()
while True:
    random.choice(stay).sendall(b"msg\n")
    for s in stay:
        s.setblocking(False)
        try:
            while s.recv(65536): pass
        except OSError: pass
    time.sleep(0.2)
