# Bounded load for acceptd on loopback: N connections, every `quiet`-th hangs up without a request.
import socket, sys, time
port, n, quiet = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    if quiet and i % quiet == 0:
        s.close()
    else:
        s.sendall(b"PING\n"); s.recv(16); s.close()
    time.sleep(0.01)
