#!/usr/bin/env python3
"""Stand-in resolver: answers every UDP query on 127.0.0.1:47153 with a fixed address."""
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 47153))
while True:
    q, peer = s.recvfrom(512)
    s.sendto(q + b' -> 10.0.0.7', peer)
