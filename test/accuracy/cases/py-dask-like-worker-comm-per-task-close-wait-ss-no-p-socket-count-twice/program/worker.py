#!/usr/bin/env python3
"""A Dask-worker-like task fetcher, written for a test case.

It asks the scheduler for a task on a new connection each time, reads the task and
keeps the socket in its "comm pool" without ever closing it; the scheduler closes
its end, so each kept socket sits in CLOSE-WAIT.
"""
import socket, sys, time
pool = []
log = open(sys.argv[1], "a", buffering=1)
while True:
    c = socket.create_connection(("127.0.0.1", 8786))
    task = c.recv(64).decode().strip()
    pool.append(c)  # bug: never closed, never reused
    if len(pool) % 50 == 0:
        log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} distributed.worker - INFO - ran {len(pool)} tasks, last {task}\n")
    time.sleep(0.05)
