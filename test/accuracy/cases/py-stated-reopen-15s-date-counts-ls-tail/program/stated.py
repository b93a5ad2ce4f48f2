# A state publisher that re-reads its state file every 15 s and never closes it.
import os, sys, time, socket
W = sys.argv[1]
os.makedirs(W, exist_ok=True)
path = os.path.join(W, "state.json")
with open(path, "w") as f:
    f.write('{"ok": true}\n')
# its working set: a listener and a few open data files
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
data = [open(os.path.join(W, "shard%d.dat" % i), "a+") for i in range(8)]
held = []
while True:
    f = open(path)          # leak: never closed
    f.read()
    held.append(f)
    time.sleep(15)
