# 600 long-lived clients of edge: each sends a line every 5 s and reads the reply.
import socket, sys, time
n, secs = int(sys.argv[1]), int(sys.argv[2])
cs = [socket.create_connection(("127.0.0.1", 18302)) for _ in range(n)]
end = time.time() + secs
while time.time() < end:
    for c in cs:
        c.sendall(b"ping\n"); c.recv(64)
    time.sleep(5)
