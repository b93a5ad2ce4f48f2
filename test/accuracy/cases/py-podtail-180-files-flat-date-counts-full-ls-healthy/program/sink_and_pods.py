#!/usr/bin/env python3
"""Stand-ins for this case: a log sink on 127.0.0.1:PORT that reads and drops what it gets,
and 180 "pods" appending a line to their own log file now and then."""
import os, random, socket, sys, threading, time

folder, port = sys.argv[1], int(sys.argv[2])
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(4)
def drain():
    c, _ = srv.accept()
    while c.recv(65536):
        pass
threading.Thread(target=drain, daemon=True).start()
os.makedirs(folder, exist_ok=True)
names = [os.path.join(folder, "pod-%03d.log" % i) for i in range(180)]
for n in names:
    open(n, "a").close()
while True:
    with open(random.choice(names), "a") as f:
        f.write("%s level=info msg=\"request served\"\n" % time.strftime("%H:%M:%S"))
    time.sleep(0.01)
