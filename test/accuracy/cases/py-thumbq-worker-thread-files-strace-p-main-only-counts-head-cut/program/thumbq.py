# thumbq: main thread waits on a queue; a worker thread "thumbnails" each image and keeps the file open.
import os, queue, threading, time
q = queue.Queue()
def worker():
    held = []
    while True:
        path = q.get()
        f = open(path, "rb")   # BUG: never closed, and kept in a list
        f.read(512)
        held.append(f)
threading.Thread(target=worker, name="thumb-worker", daemon=True).start()
files = sorted(os.path.join("in", n) for n in os.listdir("in"))
i = 0
while True:
    q.put(files[i % len(files)]); i += 1
    time.sleep(0.05)
