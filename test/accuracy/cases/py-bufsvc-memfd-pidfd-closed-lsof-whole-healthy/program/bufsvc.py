#!/usr/bin/env python3
"""bufsvc: renders each job into a memfd and watches its helper through a pidfd; closes both."""
import os, subprocess, time

while True:
    fd = os.memfd_create("job-buf")
    try:
        os.write(fd, b"x" * 4096)
        p = subprocess.Popen(["/bin/true"])
        pfd = os.pidfd_open(p.pid)
        try:
            p.wait()
        finally:
            os.close(pfd)
    finally:
        os.close(fd)
    time.sleep(0.05)
