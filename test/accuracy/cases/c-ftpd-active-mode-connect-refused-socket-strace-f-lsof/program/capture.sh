#!/bin/bash
# Builds and runs ftpd.c, drives an active-mode session whose data port is closed, and captures
# bundle/: strace -f -tt of 3 s, lsof -n -P -p PID (whole), /proc/PID/limits, the log's tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/ftpd; rm -rf "$W"; mkdir -p "$W"
gcc -O1 -pthread -o "$W/ftpd" "$HERE/ftpd.c"
cd "$W"
"$W/ftpd" 14397 "$W/ftpd.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 0.5
python3 "$HERE/client.py" 14397 12 & CL=$!
sleep 3
B="$HERE/../bundle"; mkdir -p "$B"
timeout 3 strace -f -tt -p $PID -o "$W/strace.txt" 2>/dev/null
sleep 0.5
run() { echo "root@ftp1:~# $1"; bash -c "$1" 2>&1; }
run "lsof -n -P -p $PID" > "$B/lsof-p.txt"
run "cat /proc/$PID/limits" > "$B/limits.txt"
run "tail -3 $W/ftpd.log" > "$B/ftpd-log-tail.txt"
{ echo "root@ftp1:~# strace -f -tt -p $PID -o /tmp/r306-work/ftpd/strace.txt"; cat "$W/strace.txt"; } > "$B/strace.txt"
wait $CL
kill $PID
wc -l "$B"/*; grep -c "protocol: TCP" "$B/lsof-p.txt"; head -12 "$B/strace.txt"; cat "$B/ftpd-log-tail.txt"; du -sh "$B"
