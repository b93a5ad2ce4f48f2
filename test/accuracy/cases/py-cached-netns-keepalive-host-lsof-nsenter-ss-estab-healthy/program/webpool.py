"""webpool: an app worker holding a keep-alive pool of 70 connections to cached, used round-robin."""
import socket, time, itertools
pool = [socket.create_connection(("127.0.0.1", 11311)) for _ in range(70)]
for n in itertools.count():
    s = pool[n % len(pool)]; s.sendall(b"user:%d\n" % n); s.recv(64); time.sleep(0.01)
