# burst: opens N connections to acceptd, holds them a few seconds, then closes them all
import socket, sys, time
port, n, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
cs = []
for _ in range(n):
    c = socket.create_connection(('127.0.0.1', port)); cs.append(c); time.sleep(0.01)
time.sleep(hold)
for c in cs:
    c.close(); time.sleep(0.005)
