# A local audit daemon: reads one line per connection, then closes its end.
import os, socket, sys
path = sys.argv[1]
try: os.unlink(path)
except FileNotFoundError: pass
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.bind(path); s.listen(128)
while True:
    c, _ = s.accept()
    c.recv(4096)
    c.close()
