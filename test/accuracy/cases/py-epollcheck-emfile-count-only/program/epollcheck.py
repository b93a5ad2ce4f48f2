# epollcheck: a health checker that opens select.epoll() per probe and keeps it in a cache keyed by probe
# number (never closed); it only logs when a probe fails.
import select, time, logging, sys
logging.basicConfig(stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
log = logging.getLogger("epollcheck")
cache = {}
n = 0
while True:
    n += 1
    try:
        cache[n] = select.epoll()
    except OSError as e:
        log.error("probe %d failed: %s", n, e)
        time.sleep(2)
    time.sleep(0.01)
