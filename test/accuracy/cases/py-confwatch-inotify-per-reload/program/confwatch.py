# confwatch: a config agent that reloads on request (here: every 50 ms, as a busy control plane
# asks it to) and, on every reload, starts watching the config file for changes with a NEW
# inotify instance. The old instance is dropped from the dict, never closed (os.close missing).
# After 128 of them the user's fs.inotify.max_user_instances runs out and inotify_init1 fails with
# EMFILE "Too many open files" -- while the process holds ~130 fds of its 1024.
import ctypes, ctypes.util, logging, os, time

DIR = "/tmp/accn/py-confwatch"
logging.basicConfig(filename=f"{DIR}/confwatch.log", format="%(asctime)s confwatch[%(process)d] %(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger()
libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
IN_CLOEXEC, IN_MODIFY, IN_CLOSE_WRITE = 0o2000000, 0x2, 0x8
conf = f"{DIR}/app.conf".encode()
watchers = {}  # path -> inotify fd; a reload replaces the entry and forgets the old fd

log.info("started pid %d", os.getpid())
n = 0
while True:
    n += 1
    fd = libc.inotify_init1(IN_CLOEXEC)
    if fd < 0:
        e = ctypes.get_errno()
        log.error("reload %d: cannot watch %s: inotify_init1: [Errno %d] %s", n, conf.decode(), e, os.strerror(e))
        time.sleep(0.2)
        continue
    libc.inotify_add_watch(fd, conf, IN_MODIFY | IN_CLOSE_WRITE)
    watchers[conf] = fd  # BUG: the previous fd is never os.close()d
    if n % 20 == 0:
        log.info("reload %d: config reloaded", n)
    time.sleep(0.05)
