# spoold: takes spool jobs, writes each to a temp file, unlinks it at once
# (so nobody else sees it) and forgets to close the handle.
import logging, os, time
D = "/tmp/acc261/spoold"
os.makedirs(D + "/spool", exist_ok=True)
logging.basicConfig(filename=D + "/spoold.log", level=logging.INFO,
                    format="%(asctime)s spoold[%(process)d] %(levelname)s %(message)s")
log = logging.getLogger("spoold")
held, n = [], 0
log.info("spoold started, spool dir %s", D + "/spool")
while True:
    n += 1
    p = "%s/spool/job-%06d.tmp" % (D, n)
    try:
        f = open(p, "w+")
        f.write("job %d\n" % n * 64)
        f.flush()
        os.unlink(p)
        held.append(f)  # the bug: never closed
        time.sleep(0.01)
    except OSError as e:
        log.error("cannot spool job %d: %s", n, e)
        time.sleep(2)
