# churn PORT N RATE: N connections, each sends a line and closes; hold PORT N SECS: N live clients
import socket, sys, time
mode, port, n, x = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
if mode == "churn":
    for i in range(n):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2); s.sendall(b"ping\n")
            try: s.recv(64)
            except Exception: pass
            s.close()
        except Exception: pass
        time.sleep(1.0 / x)
else:
    cs = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
    end = time.time() + x
    while time.time() < end:
        for c in cs:
            c.sendall(b"msg\n"); c.recv(64)
        time.sleep(0.3)
