#!/usr/bin/env python3
"""mqttlite: a tiny MQTT-like broker written for an fdleak accuracy case.

Each client gets a reader thread. A client that sends "DISCONNECT" is closed
properly; a client that just hangs up (EOF) makes the reader thread return
WITHOUT closing its socket (the bug): the socket stays in CLOSE_WAIT forever.
"""
import os, socket, sys, threading, time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18830
LOG = open(sys.argv[2] if len(sys.argv) > 2 else "mqttlite.log", "a", buffering=1)
PID = os.getpid()
sessions = {}

def log(msg):
    LOG.write("%s mqttlite[%d]: %s\n" % (time.strftime("%Y-%m-%d %H:%M:%S"), PID, msg))

def reader(conn, cid):
    while True:
        try:
            data = conn.recv(1024)
        except OSError as e:
            log("client %s read error: %s" % (cid, e))
            return
        if not data:
            # BUG: peer went away without DISCONNECT; session kept, socket never closed
            return
        if data.startswith(b"DISCONNECT"):
            conn.close()
            sessions.pop(cid, None)
            return
        if data.startswith(b"CONNECT"):
            conn.sendall(b"CONNACK\n")

def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", PORT))
    srv.listen(128)
    log("listening on 127.0.0.1:%d" % PORT)
    n = 0
    while True:
        try:
            conn, addr = srv.accept()
        except OSError as e:
            log("accept failed: %s" % e)
            time.sleep(0.5)
            continue
        n += 1
        cid = "c%05d" % n
        sessions[cid] = conn
        threading.Thread(target=reader, args=(conn, cid), daemon=True).start()

main()
