# feedpoll: a "poller" thread makes a socket per poll and keeps it (never connected, never
# closed); two "reader" threads open and close their config file.
import socket, threading, time

held = []

def poller():
    while True:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        held.append(s)  # the leak: kept, never connected, never closed
        time.sleep(0.1)

def reader():
    while True:
        with open("/tmp/r257/c2/feedpoll.conf") as f:
            f.read()
        time.sleep(0.15)

open("/tmp/r257/c2/feedpoll.conf", "w").write("interval=0.1\n")
for fn in (reader, poller, reader):
    threading.Thread(target=fn, daemon=True).start()
while True:
    time.sleep(1)
