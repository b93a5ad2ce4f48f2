#!/usr/bin/env python3
"""bulkship: a log shipper's output written for this case (an Elasticsearch bulk output in
miniature). Every 100 ms it sends a batch over a keep-alive HTTP connection - a new one each
time: the client object that owns the connection is appended to `self.clients` for later
re-use and never looked up again, so every connection stays open (the backend keeps idle
keep-alive connections too), ESTABLISHED, one fd each."""
import json, socket, sys, time

class Output:
    def __init__(self, port):
        self.port = port
        self.clients = []

    def flush(self, docs):
        body = "".join(json.dumps({"index": {}}) + "\n" + json.dumps(d) + "\n" for d in docs).encode()
        s = socket.create_connection(("127.0.0.1", self.port))
        s.sendall(b"POST /_bulk HTTP/1.1\r\nHost: es\r\nConnection: keep-alive\r\nContent-Type: application/x-ndjson\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body)
        s.recv(4096)
        self.clients.append(s)     # BUG: "for re-use", never re-used, never closed

def main():
    out = Output(int(sys.argv[1]))
    n = 0
    while True:
        n += 1
        out.flush([{"message": "GET /api/items 200", "seq": n}])
        time.sleep(0.1)

if __name__ == "__main__":
    main()
