#!/usr/bin/env python3
"""pollerd: wakes a helper thread through a fresh pipe every tick and never closes either end."""
import os, time
for tick in range(100000):
    r, w = os.pipe()  # the leak: both ends kept
    os.write(w, b"!")
    time.sleep(0.1)
