#!/usr/bin/env python3
"""appsagent: a per-process metrics collector written for this case (Netdata's apps.plugin in
miniature). For every process whose command line holds a pattern it keeps /proc/PID/stat and
/proc/PID/io open and re-reads them each second (seek to 0, read), so it needn't reopen them;
it closes both when the process goes away. Healthy: two fds per watched process."""
import os, sys, time

def main():
    pattern = sys.argv[1].encode()
    open_files = {}
    while True:
        seen = set()
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/cmdline", "rb") as f:
                    if pattern not in f.read():
                        continue
                seen.add(d)
                if d not in open_files:
                    open_files[d] = (open(f"/proc/{d}/stat", "rb"), open(f"/proc/{d}/io", "rb"))
            except OSError:
                continue
        for d in list(open_files):
            if d not in seen:
                for f in open_files.pop(d):
                    f.close()
        for stat, io in open_files.values():
            try:
                stat.seek(0); stat.read(); io.seek(0); io.read()
            except OSError:
                pass
        time.sleep(1)

if __name__ == "__main__":
    main()
