# healthy: holds N connections to a server, pings each every second
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
while True:
    for c in conns:
        c.sendall(b"ping\n"); c.recv(64)
    time.sleep(1)
