#!/bin/bash
# Reproduces this case: runs scorer.py (1024-fd limit) for 8 s, then the on-call engineer's
# transcript.md pastes that screen. Stops the program. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/scorer; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=1024:1024 python3 "$HERE/scorer.py" "$W/scorer.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 8
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "pstree -p $PID"
run "ls /proc/$PID/fd | wc -l"
sleep 3; run "ls /proc/$PID/fd | wc -l"
sleep 3; run "ls /proc/$PID/fd | wc -l"
sleep 3; run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
run "tail -2 $W/scorer.log"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
