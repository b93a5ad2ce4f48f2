# healthy: threaded TCP echo server; clients keep connections open
import socket, sys, threading
port = int(sys.argv[1])
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port)); ls.listen(128)
def serve(c):
    with c:
        while True:
            d = c.recv(512)
            if not d: return
            c.sendall(d)
while True:
    c, _ = ls.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
