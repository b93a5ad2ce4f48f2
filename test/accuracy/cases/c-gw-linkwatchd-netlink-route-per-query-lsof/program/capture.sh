#!/bin/bash
# Reproduces this case: builds and runs linkwatchd (512-fd limit, as an init script's
# nofile setting would give it), then pastes what the engineer typed once the router's
# web UI stalled. Stops it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r317-work/linkwatchd; rm -rf "$W"; mkdir -p "$W"
gcc -O2 -o "$W/linkwatchd" "$HERE/linkwatchd.c"
cd "$W"
prlimit --nofile=512:512 "$W/linkwatchd" "$W/messages" </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 5
run() { echo "root@router:~# $1"; bash -c "$1" 2>&1; }
{
run "lsof -p $PID | head -20"
run "lsof -p $PID | wc -l"
run "cat /proc/$PID/limits | grep files"
run "grep linkwatchd $W/messages | tail -3"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
