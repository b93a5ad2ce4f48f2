#!/usr/bin/env python3
"""A tiny home-automation accessory host (a Homebridge-style 'cmd' accessory):
every poll runs the accessory's shell command and reads the first line of its
output. The Popen object is kept in a list 'for status' and never waited for or
closed, so each poll leaves the read end of a pipe open and a zombie child."""
import os, subprocess, sys, time
polls = []
print(f"{time.strftime('%H:%M:%S')} accessoryd pid={os.getpid()} polling 'thermo' every 0.05 s", flush=True)
for n in range(300):
    p = subprocess.Popen(["sh", "-c", "echo 21.$((RANDOM % 10))"], stdout=subprocess.PIPE, text=True)
    temp = p.stdout.readline().strip()
    polls.append(p)            # never p.wait(), never p.stdout.close()
    if n % 100 == 0:
        print(f"{time.strftime('%H:%M:%S')} thermo: {temp} C (poll {n})", flush=True)
    time.sleep(0.05)
time.sleep(600)
