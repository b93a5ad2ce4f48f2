#!/usr/bin/env python3
"""A tiny torrent-style piece writer: each verified piece is written to its own
part file under pieces/. The handle of every part file is kept in a dict "for
the final merge" and never closed, so the process runs out of fds after a few
hundred pieces."""
import hashlib, logging, os, sys, time

base = sys.argv[1]
os.makedirs(os.path.join(base, "pieces"), exist_ok=True)
logging.basicConfig(filename=os.path.join(base, "piecefetch.log"),
                    format="%(asctime)s %(levelname)s [%(threadName)s] %(message)s",
                    level=logging.INFO)
log = logging.getLogger("piecefetch")
log.info("piecefetch pid=%d starting, 2000 pieces of 16 KiB", os.getpid())
open_parts = {}
for n in range(2000):
    data = hashlib.sha256(str(n).encode()).digest() * 512
    path = os.path.join(base, "pieces", "piece-%06d.part" % n)
    try:
        f = open(path, "wb")
    except OSError as e:
        log.error("piece %d: could not open part file: %s", n, e)
        time.sleep(0.5)
        continue
    f.write(data)
    f.flush()
    open_parts[n] = f          # kept for the merge; never closed
    if n % 100 == 0:
        log.info("piece %d verified and written", n)
    time.sleep(0.01)
log.info("done")
time.sleep(600)
