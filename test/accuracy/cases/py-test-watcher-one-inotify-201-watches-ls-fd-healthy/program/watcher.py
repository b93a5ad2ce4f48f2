#!/usr/bin/env python3
"""A healthy file watcher (what a test runner's --watch does on Linux): one
inotify instance, one watch per directory of the repository, events read in a
loop. Nothing grows however many directories it watches."""
import ctypes, os, select, sys, time

libc = ctypes.CDLL("libc.so.6", use_errno=True)
IN_MODIFY, IN_CREATE, IN_DELETE = 0x2, 0x100, 0x200
root = sys.argv[1]
log = open(sys.argv[2], "a", buffering=1)
fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
n = 0
for d, _, _ in os.walk(root):
    if libc.inotify_add_watch(fd, d.encode(), IN_MODIFY | IN_CREATE | IN_DELETE) >= 0:
        n += 1
log.write("watching %d directories under %s\n" % (n, root))
ep = select.epoll(); ep.register(fd, select.EPOLLIN)
while True:
    for _ in ep.poll(1.0):
        data = os.read(fd, 65536)
        log.write("%s change detected (%d bytes of events), re-running tests\n" % (time.strftime("%H:%M:%S"), len(data)))
