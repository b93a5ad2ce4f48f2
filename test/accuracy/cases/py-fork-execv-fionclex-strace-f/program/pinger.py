#!/usr/bin/env python3
"""pinger: every 0.25 s opens the shared status file, forks, and execs /bin/sleep 3 as the
'probe'. The status fd is made inheritable so that the probe can append to it ('STATUS_FD'),
and the parent closes its own copy after the fork: each probe keeps it until it exits."""
import os, time
BASE = "/var/tmp/acc180/pinger"
os.makedirs(BASE, exist_ok=True)
path = os.path.join(BASE, "status.log")
for n in range(400):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.set_inheritable(fd, True)
    pid = os.fork()
    if pid == 0:
        os.environ["STATUS_FD"] = str(fd)
        os.execv("/bin/sleep", ["sleep", "3"])
    os.close(fd)
    time.sleep(0.25)
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
