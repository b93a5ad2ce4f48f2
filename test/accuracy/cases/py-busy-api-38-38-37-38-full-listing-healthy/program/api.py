# A busy API server: a fixed pool of 30 backend connections, plus clients that come and go.
import os, random, socket, sys, threading, time
W = sys.argv[1]; os.makedirs(W, exist_ok=True)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[2]))); srv.listen(64)
back = socket.socket(); back.bind(("127.0.0.1", 0)); back.listen(64)
pool = []
for _ in range(15):
    c = socket.create_connection(back.getsockname()); a, _ = back.accept(); pool += [c, a]
log = open(os.path.join(W, "api.log"), "a")
def handle(c):
    try:
        c.recv(100); time.sleep(random.uniform(0.5, 3)); c.sendall(b"ok\n")
    finally:
        c.close()
while True:
    c, _ = srv.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
