# confwatch: watches four config folders, one inotify instance each (made once at start), forever. Healthy.
import ctypes, os, time, select
libc = ctypes.CDLL("libc.so.6", use_errno=True)
dirs = ["/tmp/w213/conf/a", "/tmp/w213/conf/b", "/tmp/w213/conf/c", "/tmp/w213/conf/d"]
fds = []
for d in dirs:
    os.makedirs(d, exist_ok=True)
    fd = libc.inotify_init1(0o2000000)
    libc.inotify_add_watch(fd, d.encode(), 0x100 | 0x2 | 0x200)
    fds.append(fd)
while True:
    r, _, _ = select.select(fds, [], [], 1.0)
    for fd in r:
        os.read(fd, 4096)
