# queue_worker.py: polls a spool folder every 100 ms, opens, reads and closes each job file with
# `with`, and removes it. Healthy.
import os, time
SPOOL = "/srv/acc267/qw/spool"
while True:
    for name in sorted(os.listdir(SPOOL))[:50]:
        p = os.path.join(SPOOL, name)
        with open(p) as f:
            f.read()
        os.unlink(p)
    time.sleep(0.1)
