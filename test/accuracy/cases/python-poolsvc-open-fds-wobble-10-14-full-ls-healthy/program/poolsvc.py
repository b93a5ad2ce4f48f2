"""A service with a small connection pool to a local backend: it opens a connection when all are
busy and closes idle ones above two, so its fd count moves by a few. A status line every 2 s
reports its own fd count through logging's cookbook format."""
import logging, os, random, socket, sys, threading, time

logging.basicConfig(format="%(asctime)s - %(name)s - %(levelname)s - %(message)s", level=logging.INFO, stream=sys.stdout)
log = logging.getLogger("poolsvc")
port = int(sys.argv[1])

def backend():
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port)); srv.listen(16)
    while True:
        c, _ = srv.accept()
        threading.Thread(target=lambda c=c: (c.recv(1), c.recv(1)), daemon=True).start()

threading.Thread(target=backend, daemon=True).start()
time.sleep(0.3)
idle = []
last = 0.0
while True:
    want = random.randint(2, 5)
    while len(idle) < want:
        idle.append(socket.create_connection(("127.0.0.1", port)))
    while len(idle) > 2 and random.random() < 0.5:
        idle.pop().close()
    if time.time() - last >= 2:
        log.info("pool status: conns=%d open_fds=%d", len(idle), len(os.listdir("/proc/self/fd")))
        last = time.time()
    time.sleep(0.2)
