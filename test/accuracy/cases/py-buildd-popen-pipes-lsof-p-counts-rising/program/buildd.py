#!/usr/bin/env python3
"""A toy compile server: for each queued target it asks the toolchain for its
version with subprocess.Popen(stdout=PIPE, stderr=PIPE), reads the first line,
and never closes the pipes nor waits for the child.  Every target leaks the
two read ends of its pipes (and leaves a zombie)."""
import subprocess, sys, time

log = open(sys.argv[1], "a", buffering=1)
n = 0
while True:
    n += 1
    p = subprocess.Popen(["/bin/true"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.readline()  # empty: EOF
    log.write("%s buildd: target //pkg/lib%d:compile done\n" % (time.strftime("%H:%M:%S"), n))
    p.returncode = 0      # pretend it was reaped so the Popen isn't tracked
    subprocess._active = []  # keep the objects (and their pipes) alive elsewhere
    globals().setdefault("held", []).append(p)
    time.sleep(0.02)
