#!/usr/bin/env python3
"""A tiny desktop-portal-like service written for this case.

Clients connect to a unix socket and send their pid; the service opens a pidfd for the caller
(to notice when the app goes away, as portals do) and answers with a handle. The bug: the pidfd
is kept in a dict keyed by request id and never closed when the request ends, so every request
leaves one anon_inode:[pidfd] behind until open() fails with EMFILE.
"""
import os, socket, sys, time

sock_path, log_path = sys.argv[1], sys.argv[2]
log = open(log_path, "a", buffering=1)
me = os.getpid()

def say(msg):
    log.write(time.strftime("%Y-%m-%d %H:%M:%S") + f" portald[{me}]: {msg}\n")

try:
    os.unlink(sock_path)
except FileNotFoundError:
    pass
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(sock_path)
srv.listen(16)
say(f"listening on {sock_path}")
watches = {}
req = 0
while True:
    try:
        conn, _ = srv.accept()
    except OSError as e:
        say(f"accept failed: {e}")
        time.sleep(0.2)
        continue
    with conn:
        data = conn.recv(64)
        req += 1
        try:
            caller = int(data.decode().strip())
            pidfd = os.pidfd_open(caller)
            watches[req] = pidfd  # BUG: never closed when the request is answered
            conn.sendall(f"handle {req}\n".encode())
        except OSError as e:
            say(f"request {req} from pid {data.decode().strip()} failed: {e}")
            conn.sendall(b"error\n")
