# Worker that shells out per request: subprocess.Popen(stdout=PIPE), never read, waited or closed.
import subprocess, time, logging, sys
logging.basicConfig(filename=sys.argv[1], format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
log = logging.getLogger("thumbworker")
held = []
n = 0
while True:
    n += 1
    try:
        p = subprocess.Popen(["true"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        held.append(p)
        if n % 100 == 0:
            log.info("request %d done", n)
    except OSError as e:
        log.exception("request %d failed", n)
        time.sleep(1)
    time.sleep(0.01)
