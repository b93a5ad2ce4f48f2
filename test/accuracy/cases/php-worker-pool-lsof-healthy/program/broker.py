# job broker: hands out job names over persistent connections
import socket, threading
def serve(c):
    f = c.makefile("rwb")
    n = 0
    for line in f:
        n += 1
        f.write(b"job-%d.json\n" % (n % 5)); f.flush()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 9241)); s.listen(16)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
