#!/usr/bin/env python3
"""pushd: a chat server's push-notification sidecar, written for an fdleak accuracy case.

The "pusher" thread delivers notifications to a push gateway. When the gateway refuses the
connection it logs the error and retries, but keeps the failed socket in its retry record instead
of closing it (the bug): each failure leaves a socket that never connected. The "presence" thread
is healthy: it reads and closes a status file now and then.
"""
import os, socket, sys, threading, time

LOG = open(sys.argv[1] if len(sys.argv) > 1 else "pushd.log", "a", buffering=1)
GATEWAY = ("127.0.0.1", 1)   # nothing listens: every connect is refused
retries = []                 # failed attempts, kept "for the retry report": the leak

def log(level, comp, msg):
    LOG.write("%s [%s] [%s] %s\n" % (time.strftime("%Y-%m-%d %H:%M:%S"), level, comp, msg))

def pusher():
    n = 0
    while True:
        n += 1
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        except OSError as e:
            log("ERROR", "PushGateway", "cannot create socket: %s" % e)
            time.sleep(1)
            continue
        try:
            s.connect(GATEWAY)
            s.sendall(b"PUSH %d\n" % n)
            s.close()
        except OSError as e:
            log("ERROR", "PushGateway", "Error when try connecting to %s:%d: %s" % (GATEWAY[0], GATEWAY[1], e))
            retries.append(s)        # BUG: s is never closed
        time.sleep(0.02)

def presence():
    while True:
        with open("/proc/loadavg") as f:
            f.read()
        time.sleep(0.1)

threading.Thread(target=pusher, name="pusher", daemon=True).start()
threading.Thread(target=presence, name="presence", daemon=True).start()
log("INFO", "main", "pushd %d started" % os.getpid())
while True:
    time.sleep(1)
