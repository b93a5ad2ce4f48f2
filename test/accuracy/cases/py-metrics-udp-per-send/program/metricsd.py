"""metricsd: forwards counters to a statsd collector over UDP. Each flush builds a new
client (a new socket) and keeps it in a per-flush history that is never pruned or closed."""
import logging
import os
import socket
import time

logging.basicConfig(filename="metricsd.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)s metricsd[%(process)d] %(message)s")
COLLECTOR = ("127.0.0.1", 8125)
history = []  # BUG: every flush's client is kept here, with its socket


class StatsClient:
    def __init__(self, addr):
        self.addr = addr
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.connect(addr)

    def send(self, name, value):
        self.sock.send(f"{name}:{value}|c".encode())


def main():
    logging.info("started, collector %s:%d", *COLLECTOR)
    n = 0
    while True:
        n += 1
        try:
            c = StatsClient(COLLECTOR)
            c.send("orders.processed", n % 7)
            history.append(c)
            if n % 100 == 0:
                logging.info("flush %d sent", n)
        except OSError as e:
            logging.error("flush %d failed: %s", n, e)
            time.sleep(1)
        time.sleep(0.02)


if __name__ == "__main__":
    main()
