#!/usr/bin/env python3
"""prefork: a master forks 3 workers; each request reopens the request log and never closes it."""
import os, resource, sys, time
LOG = "/tmp/acc196/prefork-requests.log"
SYSLOG = open("/tmp/acc196/prefork.log", "a", buffering=1)
def syslog(msg):
    SYSLOG.write(time.strftime("%b %d %H:%M:%S") + f" host prefork[{os.getpid()}]: {msg}\n")
def worker(n):
    resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))
    kept = []
    for req in range(1, 1000 if n == 2 else 5):
        try:
            f = open(LOG, "a")
            f.write(f"worker {n} req {req}\n"); f.flush()
            if n == 2:
                kept.append(f)  # worker 2's handler path never closes it
            else:
                f.close()
        except OSError as e:
            syslog(f"worker {n}: request {req} failed: {e}")
            break
    time.sleep(600)
syslog("master started, forking 3 workers")
for n in (1, 2, 3):
    if os.fork() == 0:
        worker(n)
        os._exit(0)
time.sleep(600)
