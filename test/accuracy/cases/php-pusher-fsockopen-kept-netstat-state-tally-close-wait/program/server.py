# line service: answers one line per connection and closes after 1 s (peer closes first)
import socket, threading, time, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(512)
def serve(c):
    try:
        c.recv(256); c.sendall(b"OK\n"); time.sleep(1)
    finally:
        c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
