"""thumbq: renders each job into an anonymous memory file (memfd) and hands its fd on.
BUG: the memfd is never closed after the job's result was sent."""
import os, sys, time
n = 0
while True:
    n += 1
    try:
        fd = os.memfd_create("thumb-%d" % n)
        os.write(fd, b"\x89PNG" + b"\0" * 4096)
    except OSError as e:
        print("%s thumbq: job %d failed: %s" % (time.strftime("%H:%M:%S"), n, e), flush=True)
        time.sleep(1)
        continue
    # (the result is sent here; os.close(fd) is missing)
    time.sleep(0.04)
