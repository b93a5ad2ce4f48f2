# notifier: a task runner that gives each task a socketpair to report completion on.
# Bug: neither end is closed after the task reports, so two unix sockets stay per task.
import os, socket, threading, time, logging
logging.basicConfig(filename="notifier.log", format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger("notifier")
log.info("notifier started pid=%d", os.getpid())
held = []
n = 0
while True:
    n += 1
    try:
        a, b = socket.socketpair()
    except OSError as e:
        log.error("task %d: socketpair: %s", n, e)
        time.sleep(0.5)
        continue
    threading.Thread(target=lambda s=b: s.send(b"done"), daemon=True).start()
    a.recv(16)
    held.append((a, b))
    if n % 100 == 0:
        log.info("task %d done", n)
    time.sleep(0.01)
