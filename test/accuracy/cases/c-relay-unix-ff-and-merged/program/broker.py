#!/usr/bin/env python3
"""Stand-in broker: for every connection on the unix socket, read one message, answer ACK and
close its end."""
import os
import socket

PATH = '/tmp/accn/c-relay/broker.sock'
if os.path.exists(PATH):
    os.unlink(PATH)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(PATH)
s.listen(128)
while True:
    c, _ = s.accept()
    c.recv(256)
    c.sendall(b'ACK\n')
    c.close()
