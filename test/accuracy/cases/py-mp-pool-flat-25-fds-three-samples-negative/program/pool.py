# Healthy worker pool: each batch opens a multiprocessing Pool, uses it, and closes it.
import multiprocessing as mp, time, sys
def work(x): time.sleep(0.5); return x * x
if __name__ == "__main__":
    while True:
        with mp.Pool(8) as p:
            p.map(work, range(64))
        print(time.strftime('%H:%M:%S'), "batch done", flush=True)
        time.sleep(4)
