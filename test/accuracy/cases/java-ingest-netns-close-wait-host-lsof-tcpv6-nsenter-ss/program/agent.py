"""agent: ships a batch to ingest and disconnects, every 50 ms."""
import socket, time
for n in range(80):
    c = socket.create_connection(("127.0.0.1", 9400)); c.sendall(b"batch %d\n" % n); c.close(); time.sleep(0.05)
time.sleep(3600)
