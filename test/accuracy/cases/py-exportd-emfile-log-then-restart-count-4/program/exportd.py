#!/usr/bin/env python3
"""exportd: writes one CSV per export job and keeps every handle in a cache it never clears."""
import logging, os, resource, sys, time
resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
logging.basicConfig(filename="/tmp/acc196/exportd.log",
                    format="%(asctime)s exportd[%(process)d] %(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger()
d = "/tmp/acc196/exp"
os.makedirs(d, exist_ok=True)
cache = {}
log.info("started, %d jobs queued", 400 if sys.argv[1:] == ["run"] else 0)
if sys.argv[1:] == ["run"]:
    for job in range(1, 401):
        p = f"{d}/out-{job:04d}.csv"
        try:
            cache[job] = open(p, "w")  # kept for "reuse", never closed
            cache[job].write("id,total\n")
            cache[job].flush()
            log.info("export %d written to %s", job, p)
        except OSError as e:
            log.error("export %d failed: %s", job, e)
            log.critical("giving up after %d errors", 1)
            sys.exit(1)
time.sleep(600)
