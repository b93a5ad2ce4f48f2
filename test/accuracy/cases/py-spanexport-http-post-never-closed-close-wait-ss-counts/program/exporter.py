#!/usr/bin/env python3
"""spanexport: a trace exporter written for this case (an OpenTelemetry-style batch exporter
in miniature). Every 50 ms it POSTs a batch of spans to the collector's OTLP/HTTP port. It
keeps each connection in `self.conns` "for re-use", but never re-uses nor closes one: the
collector answers with `Connection: close` and closes its side, so every socket the exporter
keeps sits in CLOSE_WAIT."""
import json, socket, sys, time

class Exporter:
    def __init__(self, host, port):
        self.addr = (host, port)
        self.conns = []

    def export(self, spans):
        body = json.dumps({"resourceSpans": spans}).encode()
        s = socket.create_connection(self.addr, timeout=2)
        s.sendall(b"POST /v1/traces HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body)
        status = s.recv(4096).split(b"\r\n", 1)[0]
        self.conns.append(s)       # BUG: kept for re-use, never re-used, never closed
        return status

def main():
    e = Exporter("127.0.0.1", int(sys.argv[1]))
    n = 0
    while True:
        n += 1
        st = e.export([{"traceId": "%032x" % n, "name": "GET /api/items"}])
        if n % 100 == 0:
            print(time.strftime("%Y-%m-%dT%H:%M:%S"), "spanexport: exported", n, "batches, last", st.decode(), flush=True)
        time.sleep(0.05)

if __name__ == "__main__":
    main()
