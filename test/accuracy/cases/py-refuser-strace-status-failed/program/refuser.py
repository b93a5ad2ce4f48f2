# refuser: polls a backend every 10 ms; when the connect fails the socket is parked in a retry
# list "to reuse later" and never closed.
import logging, socket, time
logging.basicConfig(format="%(asctime)s %(name)s[%(process)d] %(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger("refuser")
retry_pool = []
while True:
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except OSError as e:
        log.error("cannot create socket: %s", e)
        time.sleep(1)
        continue
    try:
        s.connect(("127.0.0.1", 7399))
        s.close()
    except OSError as e:
        retry_pool.append(s)  # BUG: kept for a retry that never comes, never closed
        if len(retry_pool) % 50 == 1:
            log.warning("backend 127.0.0.1:7399 down: %s (%d parked)", e, len(retry_pool))
    time.sleep(0.01)
