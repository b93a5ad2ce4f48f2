#!/usr/bin/env python3
"""jobsrv: accepts nothing yet, runs one job per second with subprocess.Popen(close_fds=False).
The listener and the lock file are marked inheritable so that a re-exec'd jobsrv (SIGHUP) can take
them over; every job child gets them too, since close_fds=False passes every inheritable fd."""
import os, socket, subprocess, time
BASE = "/var/tmp/acc180/jobsrv"
os.makedirs(BASE, exist_ok=True)
log = open(os.path.join(BASE, "jobsrv.log"), "a", buffering=1)
lock = os.open(os.path.join(BASE, "jobsrv.lock"), os.O_RDWR | os.O_CREAT, 0o644)
os.set_inheritable(lock, True)
ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", 19801)); ls.listen(64)
ls.set_inheritable(True)
n = 0
while n < 40:
    n += 1
    p = subprocess.Popen(["sleep", "600"], close_fds=False)
    log.write("%s job %d started pid %d\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), n, p.pid))
    time.sleep(1)
time.sleep(600)
