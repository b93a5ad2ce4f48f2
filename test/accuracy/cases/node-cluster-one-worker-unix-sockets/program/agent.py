# The local agent: accepts unix connections, reads messages, closes when the client ends.
import os, selectors, socket, sys
path = sys.argv[1]
if os.path.exists(path): os.unlink(path)
s = socket.socket(socket.AF_UNIX); s.bind(path); s.listen(512); s.setblocking(False)
sel = selectors.DefaultSelector(); sel.register(s, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        if key.fileobj is s:
            c, _ = s.accept(); c.setblocking(False); sel.register(c, selectors.EVENT_READ)
        else:
            d = key.fileobj.recv(4096)
            if not d:
                sel.unregister(key.fileobj); key.fileobj.close()
