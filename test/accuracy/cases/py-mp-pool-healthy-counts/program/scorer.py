# scorer: scores batches on a long-lived multiprocessing Pool (created once, reused).
# Healthy: the pool's pipes and the workers are made once; each batch only sends tasks.
import logging, multiprocessing as mp, sys, time

def score(x):
    return sum(i * i for i in range(x % 500))

if __name__ == "__main__":
    logging.basicConfig(filename=sys.argv[1], level=logging.INFO,
                        format="%(asctime)s %(process)d %(levelname)s %(message)s")
    with mp.get_context("fork").Pool(4) as pool:
        n = 0
        while True:
            n += 1
            total = sum(pool.map(score, range(n, n + 64)))
            if n % 20 == 0:
                logging.info("batch %d scored, total=%d", n, total)
            time.sleep(0.05)
