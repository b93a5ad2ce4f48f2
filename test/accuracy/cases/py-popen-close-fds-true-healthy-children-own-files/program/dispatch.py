#!/usr/bin/env python3
"""dispatch: listens on 19807 and starts one report helper per second with
subprocess.Popen(close_fds=True) (the default). Each helper opens its own output file."""
import os, socket, subprocess, sys, time
BASE = "/var/tmp/acc180/dispatch"
os.makedirs(BASE, exist_ok=True)
log = open(os.path.join(BASE, "dispatch.log"), "a", buffering=1)
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", 19807)); ls.listen(64)
helper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "report.py")
for n in range(1, 41):
    p = subprocess.Popen([sys.executable, helper, str(n)], close_fds=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log.write("%s report %d pid %d\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), n, p.pid))
    time.sleep(1)
    while True:
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0: break
        except ChildProcessError: break
time.sleep(600)
