# selectd: a single-threaded health checker; makes a selector (an epoll fd) per probe and never closes it.
import logging, os, selectors, socket, time
logging.basicConfig(filename="selectd.log", format="%(asctime)s selectd[%(process)d] %(levelname)s %(message)s", level=logging.INFO)
n = 0
recent = []  # last probes, kept "for debugging"
while True:
    try:
        sel = selectors.DefaultSelector()          # BUG: never sel.close()
        a, b = socket.socketpair()
        sel.register(a, selectors.EVENT_READ)
        recent.append(sel)                         # ...and so never freed either
        b.send(b"ping")
        sel.select(timeout=1)
        a.close(); b.close()
        n += 1
        if n % 50 == 0:
            logging.info("%d probes ok", n)
    except OSError as e:
        logging.error("probe failed: %s", e)
        time.sleep(0.5)
        continue
    time.sleep(0.02)
