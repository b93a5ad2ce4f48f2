"""cached: a tiny line-protocol cache server; clients keep their connections open (keep-alive)."""
import selectors, socket, sys, time
sel = selectors.DefaultSelector()
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 11311)); srv.listen(128); srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ)
store = {}
while True:
    for key, _ in sel.select():
        s = key.fileobj
        if s is srv:
            c, _ = srv.accept(); c.setblocking(False); sel.register(c, selectors.EVENT_READ)
            continue
        data = s.recv(4096)
        if not data:
            sel.unregister(s); s.close(); continue
        k = data.strip().decode(); s.sendall((store.get(k, "MISS") + "\n").encode())
