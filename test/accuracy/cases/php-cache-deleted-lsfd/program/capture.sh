#!/bin/bash
# Reproduces this case: runs cachesvc.php (1024-fd limit) for 12 s, then the on-call engineer's
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/cachesvc; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=1024:1024 php "$HERE/cachesvc.php" "$W/data" "$W/cachesvc.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 12
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a php"
run "lsfd -p $PID | head -12"
run "lsfd -p $PID | tail -4"
run "lsfd -p $PID | grep -c deleted"
run "df -h /tmp | tail -1; du -sh $W/data"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
