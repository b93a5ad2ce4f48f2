#!/usr/bin/env python3
"""A stand-in search backend for this case (loopback only): answers every bulk request with
200 and keeps the keep-alive connection open, waiting for the next request on it."""
import socketserver, sys

class H(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            length = 0
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.rfile.read(length)
            self.wfile.write(b'HTTP/1.1 200 OK\r\nContent-Length: 15\r\nConnection: keep-alive\r\n\r\n{"errors":false}'[:-1] + b"}")

class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
