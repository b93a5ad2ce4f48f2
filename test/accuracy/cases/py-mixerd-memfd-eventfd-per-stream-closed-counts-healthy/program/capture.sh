#!/bin/bash
# Runs mixerd.py (1024-fd limit) and pastes what an on-call engineer typed: three timed fd counts,
# the full fd listing, the limit. Stops the program.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r314-work/mixerd; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=1024:4096 python3 "$HERE/mixerd.py" "$W/mixerd.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 3
run() { echo "user@desk:~$ $1"; bash -c "$1" 2>&1; }
{
run "date; ls /proc/$PID/fd | wc -l"
sleep 5; run "date; ls /proc/$PID/fd | wc -l"
sleep 5; run "date; ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd"
run "grep 'open files' /proc/$PID/limits"
} > "$W/screen.txt"
kill $PID; wait $PID 2>/dev/null
echo "pid $PID"
