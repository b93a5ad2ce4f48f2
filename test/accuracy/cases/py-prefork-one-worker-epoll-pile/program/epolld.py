# Pre-forking "poller" service: the master forks 6 workers; each handles a request every 0.1 s
# by making an epoll object to wait on its work pipe.  Worker 4 runs the "batched" code path,
# which keeps each request's epoll object in a list it never clears (the bug); the others close it.
import os, select, sys, time

LOG = sys.argv[1]
def log(msg):
    with open(LOG, "a") as f:
        f.write("%s epolld[%d]: %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), os.getpid(), msg))

def worker(n):
    r, w = os.pipe()
    kept = []
    log("worker %d ready" % n)
    served = 0
    while True:
        try:
            ep = select.epoll()
            ep.register(r, select.EPOLLIN)
            ep.poll(0.1)
            if n == 4:
                kept.append(ep)      # batched path: kept for a "later flush" that never comes
            else:
                ep.close()
            served += 1
            if served % 200 == 0:
                log("worker %d served %d requests" % (n, served))
        except OSError as e:
            log("worker %d request failed: %s" % (n, e))
            time.sleep(1)

children = []
log("master starting 6 workers")
for n in range(1, 7):
    pid = os.fork()
    if pid == 0:
        worker(n)
        os._exit(0)
    children.append(pid)
while True:
    time.sleep(5)
