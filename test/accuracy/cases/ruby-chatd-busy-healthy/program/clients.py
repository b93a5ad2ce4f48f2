"""Holds N chat clients on chatd, each sending a line now and then, for DURATION seconds;
about one client in fifty leaves and is replaced every second."""
import random
import socket
import sys
import time

port, n, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
conns = []
for _ in range(n):
    conns.append(socket.create_connection(("127.0.0.1", port)))
end = time.time() + duration
while time.time() < end:
    for c in random.sample(conns, 20):
        c.sendall(b"hello\n")
        c.recv(64)
    for i in random.sample(range(len(conns)), n // 50):
        conns[i].close()
        conns[i] = socket.create_connection(("127.0.0.1", port))
    time.sleep(1)
