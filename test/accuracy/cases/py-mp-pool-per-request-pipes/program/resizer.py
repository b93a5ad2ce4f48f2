# resizer: resizes each request's images on a multiprocessing Pool.
# Bug: a new Pool per request, kept in a "recent pools" list for stats and never closed or
# joined, so each request leaves its pool's pipes (and a worker process) behind.
import logging, multiprocessing as mp, sys, time

def resize(x):
    return x * 2

if __name__ == "__main__":
    logging.basicConfig(filename=sys.argv[1], level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log = logging.getLogger("resizer")
    ctx = mp.get_context("fork")
    recent = []
    n = 0
    while True:
        n += 1
        try:
            pool = ctx.Pool(1)
            recent.append(pool)
            pool.map(resize, range(8))
            log.info("request %d resized", n)
        except OSError:
            log.exception("request %d failed", n)
            time.sleep(1)
        time.sleep(0.2)
