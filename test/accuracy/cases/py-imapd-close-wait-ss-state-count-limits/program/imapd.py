#!/usr/bin/env python3
"""A toy IMAP greeter written for this case. Bug: when a client logs out and closes,
the session thread returns without closing its socket, and the session list keeps the
socket object alive, so the connection stays in CLOSE_WAIT forever."""
import os, socket, sys, threading, time

LOG = sys.argv[1]
PORT = int(sys.argv[2])
sessions = []  # every session ever opened (kept for "stats")
logf = open(LOG, "a", buffering=1)

def log(msg):
    logf.write(time.strftime("%b %d %H:%M:%S") + " mx1 imapd[%d]: %s\n" % (os.getpid(), msg))

def serve(conn, peer):
    conn.sendall(b"* OK toy IMAP ready\r\n")
    buf = b""
    while True:
        data = conn.recv(4096)
        if not data:
            return            # BUG: peer closed, conn never closed
        buf += data
        while b"\r\n" in buf:
            line, buf = buf.split(b"\r\n", 1)
            tag = line.split(b" ", 1)[0]
            if b"LOGOUT" in line.upper():
                conn.sendall(b"* BYE\r\n" + tag + b" OK LOGOUT completed\r\n")
            else:
                conn.sendall(tag + b" OK done\r\n")

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", PORT))
srv.listen(64)
log("listening on 127.0.0.1:%d" % PORT)
while True:
    try:
        conn, peer = srv.accept()
    except OSError as e:
        log("accept failed: %s" % e)
        time.sleep(1)
        continue
    sessions.append(conn)
    threading.Thread(target=serve, args=(conn, peer), daemon=True).start()
