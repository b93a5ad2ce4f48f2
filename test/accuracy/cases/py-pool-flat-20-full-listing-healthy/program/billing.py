#!/usr/bin/env python3
"""billing: 8 worker threads run queries through a fixed pool of 20 connections to a store.
Healthy: each worker borrows a connection and always gives it back (try/finally)."""
import queue, socket, sys, threading, time

port = int(sys.argv[1])
pool = queue.Queue()
for _ in range(20):
    pool.put(socket.create_connection(('127.0.0.1', port)))
print(f'billing pid {__import__("os").getpid()} pool=20 workers=8', flush=True)

def worker(w):
    n = 0
    while True:
        c = pool.get()
        try:
            c.sendall(f'SELECT total FROM invoices WHERE worker={w} AND n={n}\n'.encode())
            c.recv(4096)
        finally:
            pool.put(c)
        n += 1
        time.sleep(0.005)

for w in range(8):
    threading.Thread(target=worker, args=(w,), daemon=True).start()
while True:
    time.sleep(60)
