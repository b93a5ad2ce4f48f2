#!/usr/bin/env python3
"""Stand-in webhook receiver: reads one request per connection, answers 204 with
Connection: close, and closes its end."""
import socket

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 47111))
s.listen(128)
while True:
    c, _ = s.accept()
    c.recv(4096)
    c.sendall(b'HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n')
    c.close()
