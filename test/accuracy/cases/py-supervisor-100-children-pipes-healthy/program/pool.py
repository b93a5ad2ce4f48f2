# A filter pool supervisor: it keeps 100 `cat` filter children running, each with its stdin,
# stdout and stderr on pipes to the supervisor, and feeds each a line every few seconds.  Three
# pipe ends per child stay open in the supervisor by design (300 fds), steady; nothing leaks.
import os, subprocess, sys, time
LOG = sys.argv[1]
kids = [subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE) for _ in range(100)]
with open(LOG, "a") as f:
    f.write("%s piped[%d] pool up: %d filters\n" % (time.strftime("%H:%M:%S"), os.getpid(), len(kids)))
while True:
    for k in kids:
        k.stdin.write(b"ping\n"); k.stdin.flush(); k.stdout.readline()
    time.sleep(3)
