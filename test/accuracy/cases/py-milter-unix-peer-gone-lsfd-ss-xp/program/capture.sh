#!/bin/bash
# Runs milterd.py, lets mta.py pass 300 messages through it, then captures lsfd -p PID (whole),
# ss -xp rows and count for the pid, and /proc/PID/limits.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/milter; rm -rf "$W"; mkdir -p "$W"
cd "$W"
python3 "$HERE/milterd.py" "$W/milterd.sock" "$W/milterd.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
python3 "$HERE/mta.py" "$W/milterd.sock" 300
sleep 1
run() { echo "root@mx1:~# $1"; bash -c "$1" 2>&1; }
mkdir -p "$HERE/../bundle"
run "lsfd -p $PID" > "$HERE/../bundle/lsfd-p.txt"
{ run "ss -xp | grep \"pid=$PID,\" | head -5"; run "ss -xp | grep -c \"pid=$PID,\""; } > "$HERE/../bundle/ss-xp.txt"
run "cat /proc/$PID/limits" > "$HERE/../bundle/limits.txt"
kill $PID
wc -l "$HERE"/../bundle/*; head -12 "$HERE/../bundle/lsfd-p.txt"; cat "$HERE/../bundle/ss-xp.txt"
