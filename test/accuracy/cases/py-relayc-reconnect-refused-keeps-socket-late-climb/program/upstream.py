# a collector that accepts and reads heartbeats until it is killed
import socket, sys
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(('127.0.0.1', int(sys.argv[1]))); ls.listen(8)
c, _ = ls.accept()
while c.recv(4096):
    pass
