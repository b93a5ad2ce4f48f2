"""fanout: a healthy notification fan-out service. 16 worker threads share a handful of
open files (its config, a journal, a template dir) and one listening socket; nothing leaks."""
import os, socket, sys, threading, time, queue

os.makedirs("/tmp/cap168/fanout", exist_ok=True)
files = []
for name in ("fanout.conf", "journal.log", "templates.idx", "routes.db"):
    files.append(open(os.path.join("/tmp/cap168/fanout", name), "a+"))
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 7291)); srv.listen(16)
q = queue.Queue()

def worker(n):
    while True:
        item = q.get()
        if item is None:
            return
        files[1].write(f"worker {n} sent {item}\n"); files[1].flush()

threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(16)]
for t in threads: t.start()
print(f"fanout: pid={os.getpid()} workers={len(threads)} fds={len(os.listdir('/proc/self/fd'))}", flush=True)
for i in range(600):
    q.put(i); time.sleep(0.1)
    if i % 50 == 0:
        print(f"fanout: sent={i} fds={len(os.listdir('/proc/self/fd'))}", flush=True)
