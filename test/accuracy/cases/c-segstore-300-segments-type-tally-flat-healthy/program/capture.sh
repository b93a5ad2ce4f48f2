#!/bin/bash
# segstore (300 segments) under a 4096-fd limit; three counts 5 s apart, lsof rows tallied by
# TYPE, ls -l | head, the limit. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/srv/segstore; rm -rf "$W"; mkdir -p "$W/data"
gcc -O2 -Wall -o /tmp/w208/segstore "$HERE/segstore.c"
cd "$W"
prlimit --nofile=4096:4096 /tmp/w208/segstore "$W/data" </dev/null >/dev/null 2>&1 & PID=$!
sleep 2
{
run "pidof segstore"
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "lsof -p $PID | awk '{print \$5}' | sort | uniq -c"
run "ls -l /proc/$PID/fd | head"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
