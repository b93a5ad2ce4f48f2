#!/usr/bin/env python3
"""logship: a tiny log shipper written for this case.

It tails one log file and forwards each line (here: counts them). When the file's inode
changes (logrotate moved it away and a new one was created) it opens the new file - but the
old file object is only dropped from a dict keyed by the *path*, and a second reference
kept in `self.pending` (lines not yet acknowledged by the backend) is never cleared, so
every rotated copy stays open, also after logrotate deletes it.
"""
import os, sys, time

class Tailer:
    def __init__(self, path):
        self.path = path
        self.pending = []          # files with unacknowledged lines: never emptied (the bug)
        self.f = None
        self.ino = None
        self.lines = 0

    def reopen(self):
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return
        if st.st_ino != self.ino:
            if self.f is not None:
                self.pending.append(self.f)     # meant to drain it, never closed
            self.f = open(self.path, "r")
            self.ino = st.st_ino
            print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} [info] logship: following {self.path} (inode {self.ino})", flush=True)

    def poll(self):
        self.reopen()
        if self.f is None:
            return
        for _ in self.f:
            self.lines += 1

def main():
    t = Tailer(sys.argv[1])
    while True:
        t.poll()
        time.sleep(0.05)

if __name__ == "__main__":
    main()
