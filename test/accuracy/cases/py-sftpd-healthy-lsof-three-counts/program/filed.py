#!/usr/bin/env python3
"""A toy file-transfer server written for this case (healthy): one thread per client,
each GET opens the file, streams it and closes it; a client's socket is closed when
it says BYE or goes away."""
import os, socket, sys, threading, time

ROOT, PORT = sys.argv[1], int(sys.argv[2])
logf = open(sys.argv[3], "a", buffering=1)

def log(msg):
    logf.write(time.strftime("%b %d %H:%M:%S") + " files1 filed[%d]: %s\n" % (os.getpid(), msg))

def serve(conn):
    with conn:
        f = conn.makefile("rb")
        for line in f:
            cmd = line.strip().split(b" ", 1)
            if cmd[0] == b"GET":
                with open(os.path.join(ROOT, os.path.basename(cmd[1].decode())), "rb") as src:
                    data = src.read()
                conn.sendall(b"%d\n" % len(data) + data)
            elif cmd[0] == b"BYE":
                break
        f.close()

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", PORT))
srv.listen(64)
log("serving %s on 127.0.0.1:%d" % (ROOT, PORT))
while True:
    conn, _ = srv.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
