# A small process supervisor: it starts 3 long-running workers (this file with --worker N) and
# every 0.25 s runs a health-check command with its output captured.  It keeps every check's
# Popen object in a history list for a status page and never closes their stdout/stderr pipes
# (the bug): two pipe fds per check stay open in the supervisor.  The workers are fine.
import os, subprocess, sys, time
LOG = "/srv/acc186/superv/superv.log"
def log(msg):
    with open(LOG, "a") as f:
        f.write("%s superv[%d] %s\n" % (time.strftime("%H:%M:%S"), os.getpid(), msg))

if len(sys.argv) > 2 and sys.argv[1] == "--worker":
    n = sys.argv[2]
    out = open("/srv/acc186/superv/worker-%s.out" % n, "a")
    log("worker %s up" % n)
    while True:
        out.write("tick\n"); out.flush(); time.sleep(1)

workers = [subprocess.Popen([sys.executable, __file__, "--worker", str(i)], stdin=subprocess.DEVNULL)
           for i in range(1, 4)]
history = []
checks = 0
log("supervisor up, 3 workers")
while True:
    try:
        p = subprocess.Popen(["true"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.wait()
        history.append(p)          # kept for /status; p.stdout / p.stderr never closed
        checks += 1
        if checks % 100 == 0:
            log("%d health checks run" % checks)
    except OSError as e:
        log("health check failed: %s" % e)
        time.sleep(1)
    time.sleep(0.25)
