#!/bin/bash
# Reproduces this case: runs sensord.py under a 256-fd limit (a small gateway's init
# sets it) until it fails, then pastes what the on-call engineer typed. Stops it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r317-work/sensord; rm -rf "$W"; mkdir -p "$W/sys/bus/w1/28-0316a2795aff"
echo 21437 > "$W/sys/bus/w1/28-0316a2795aff/temperature"
prlimit --nofile=256:256 python3 "$HERE/sensord.py" "$W/sensord.log" "$W/sys/bus/w1/28-0316a2795aff/temperature" </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 4
run() { echo "root@gateway:~# $1"; bash -c "$1" 2>&1; }
{
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | head -12"
run "grep 'open files' /proc/$PID/limits"
run "tail -3 $W/sensord.log"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
