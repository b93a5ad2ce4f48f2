#!/usr/bin/env python3
"""IoT gateway sensor poller: reads a sensor value file every tick and publishes it.
The bug: read_sensor() opens the value file and never closes it (the handle is kept
in a list 'for the next read'), so every poll leaks one fd until EMFILE."""
import os, sys, time, logging

LOG = sys.argv[1]
SENSOR = sys.argv[2]
logging.basicConfig(filename=LOG, format="%(asctime)s sensord[%(process)d] %(levelname)s %(message)s",
                    level=logging.INFO)
held = []

def read_sensor():
    f = open(SENSOR)          # never closed
    held.append(f)
    f.seek(0)
    return f.read().strip()

n = 0
while True:
    n += 1
    try:
        v = read_sensor()
        if n % 100 == 0:
            logging.info("poll %d temp=%s published", n, v)
    except OSError as e:
        logging.error("poll %d failed: %s", n, e)
        time.sleep(0.5)
        continue
    time.sleep(0.005)
