"""A job worker: each job runs `true` through subprocess.Popen with stdout and stderr piped and
keeps the Popen object in a list it never drains, so both pipes stay open. A status line every
3 s reports its own fd count, len(os.listdir('/proc/self/fd')), through logging's asctime format."""
import logging, os, resource, subprocess, sys, time

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO, stream=sys.stdout)
log = logging.getLogger("worker")
jobs = []
soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
last = 0.0
n = 0
while True:
    if time.time() - last >= 3:
        log.info("status jobs=%d num_fds=%d max_fds=%d", n, len(os.listdir("/proc/self/fd")), soft)
        last = time.time()
    n += 1
    try:
        jobs.append(subprocess.Popen(["true"], stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    except OSError:
        log.exception("job %d failed to start", n)
        time.sleep(1)
    time.sleep(0.1)
