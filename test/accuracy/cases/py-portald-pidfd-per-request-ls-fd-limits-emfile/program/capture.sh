#!/bin/bash
# Runs portald.py under a 128-fd soft limit, sends it 140 requests, then captures what an
# on-call engineer would: its fd listing, its limits, its log. Stops everything it started.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r314-work/portald; rm -rf "$W"; mkdir -p "$W/bundle"
prlimit --nofile=128:4096 python3 "$HERE/portald.py" "$W/bus.sock" "$W/portald.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
python3 "$HERE/client.py" "$W/bus.sock" 140
sleep 0.5
ls -l /proc/$PID/fd > "$W/bundle/ls-l-proc-$PID-fd.txt"
cat /proc/$PID/limits > "$W/bundle/proc-$PID-limits.txt"
cp "$W/portald.log" "$W/bundle/portald.log"
kill $PID; wait $PID 2>/dev/null
echo "pid $PID"
