#!/bin/bash
# Runs feedreader.py under a 256-fd soft limit, lists its fds with lsfd while it runs, then traces
# it with strace -f until it aborts. Stops everything it started.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r314-work/feedreader; rm -rf "$W"; mkdir -p "$W/bundle"
prlimit --nofile=256:4096 python3 "$HERE/feedreader.py" </dev/null >/dev/null 2>"$W/bundle/feedreader.stderr.log" & PID=$!
sleep 2.2
lsfd -p $PID > "$W/bundle/lsfd-p-$PID.txt"
cat /proc/$PID/limits > "$W/bundle/proc-$PID-limits.txt"
timeout -s INT 8 strace -f -tt -e trace=pipe,pipe2,write,close -o "$W/bundle/strace-$PID.txt" -p $PID 2>/dev/null
kill $PID 2>/dev/null; wait $PID 2>/dev/null
echo "pid $PID"
