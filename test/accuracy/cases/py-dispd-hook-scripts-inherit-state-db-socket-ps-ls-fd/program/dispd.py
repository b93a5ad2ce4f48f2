#!/usr/bin/env python3
"""A tiny NetworkManager-dispatcher-like daemon written for this case.

It keeps its state database and its control socket open, and runs every hook script of its hook
folder for each network event. Like C code that opens without O_CLOEXEC, it leaves both fds
inheritable (os.set_inheritable) and spawns the hooks with close_fds=False: every hook, and
whatever the hook runs, holds the daemon's database and socket for as long as it lives.
"""
import os, socket, subprocess, sys, time

work, events = sys.argv[1], int(sys.argv[2])
db = os.open(os.path.join(work, "state.db"), os.O_RDWR | os.O_CREAT, 0o600)
os.set_inheritable(db, True)
ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
path = os.path.join(work, "dispd.sock")
try:
    os.unlink(path)
except FileNotFoundError:
    pass
ctl.bind(path)
ctl.listen(4)
ctl.set_inheritable(True)
log = open(os.path.join(work, "dispd.log"), "a", buffering=1)
hooks = sorted(os.path.join(work, "hooks", h) for h in os.listdir(os.path.join(work, "hooks")))
for ev in range(events):
    for h in hooks:
        subprocess.Popen([h, "eth0", "up"], close_fds=False, stdin=subprocess.DEVNULL)  # BUG: fds passed on
    log.write(time.strftime("%H:%M:%S") + f" dispd[{os.getpid()}]: event {ev} dispatched to {len(hooks)} hooks\n")
    time.sleep(0.2)
while True:
    time.sleep(1)
