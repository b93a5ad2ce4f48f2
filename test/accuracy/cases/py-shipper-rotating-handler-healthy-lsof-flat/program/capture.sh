#!/bin/bash
# shipper (rotating every ~2 s) under a 1024-fd limit; ls -l of the log folder, three counts
# 5 s apart, the full lsof -p, the limit. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/var/log/shipper; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=1024:1024 python3 "$HERE/shipper.py" "$W/app.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 8
{
run "ls -l /var/log/shipper/"
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "lsof -p $PID"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
