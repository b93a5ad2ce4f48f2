# agent: reads one sample per connection on a unix socket and closes the connection.
import os, socket, sys
p = sys.argv[1]
if os.path.exists(p): os.unlink(p)
srv = socket.socket(socket.AF_UNIX); srv.bind(p); srv.listen(128)
while True:
    c, _ = srv.accept(); c.recv(4096); c.close()
