# fetcher: polls an upstream over TCP; the upstream answers and hangs up,
# fetcher reads the answer and never closes its side (CLOSE_WAIT).
import logging, socket, sys, time
D = "/tmp/acc261/fetcher"
logging.basicConfig(filename=D + "/fetcher.log", level=logging.INFO,
                    format="%(asctime)s fetcher[%(process)d] %(levelname)s %(message)s")
log = logging.getLogger("fetcher")
held, n = [], 0
log.info("fetcher started, upstream 127.0.0.1:18263")
while True:
    n += 1
    try:
        s = socket.create_connection(("127.0.0.1", 18263), timeout=2)
        s.sendall(b"GET /feed\n")
        s.recv(64)
        held.append(s)  # the bug: never closed
        time.sleep(0.01)
    except OSError as e:
        log.error("poll %d failed: %s", n, e)
        time.sleep(2)
