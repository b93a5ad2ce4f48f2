#!/usr/bin/env python3
"""The notebook server's side: one connection per channel, a heartbeat and an
execute request every 0.2 s."""
import json, socket, sys, time
cf = json.load(open(sys.argv[1]))
conns = {n: socket.create_connection(("127.0.0.1", cf[f"{n}_port"])) for n in ("shell", "iopub", "stdin", "control", "hb")}
while True:
    conns["hb"].sendall(b"ping"); conns["hb"].recv(16)
    conns["shell"].sendall(b'{"msg_type":"execute_request","code":"1+1"}')
    time.sleep(0.2)
