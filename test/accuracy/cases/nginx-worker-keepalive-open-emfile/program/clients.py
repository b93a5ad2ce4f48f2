# 160 browsers that each keep one keep-alive connection open (a slow mobile client population).
import socket, sys, time
conns = []
for i in range(int(sys.argv[2])):
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
        s.sendall(b"GET /index.html HTTP/1.1\r\nHost: edge\r\nConnection: keep-alive\r\n\r\n")
        conns.append(s)
    except OSError as e:
        print("client", i, e)
    time.sleep(0.01)
time.sleep(float(sys.argv[3]))
