#!/bin/bash
# Reproduces this case: runs thumbpool.cjs for 20 s (a job every 250 ms, each leaving a worker
# transcript.md pastes that screen. Stops the program. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/thumbpool; rm -rf "$W"; mkdir -p "$W"
node "$HERE/thumbpool.cjs" "$W/thumbpool.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 20
EP=$(ls -l /proc/$PID/fd | grep eventpoll | sort -k9 -n | tail -1 | awk '{print $9}')
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -o pid,nlwp,rss,etime,cmd -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "lsfd -p $PID | tail -8"
run "ls -l /proc/$PID/fd | grep -c anon_inode"
run "cat /proc/$PID/fdinfo/$EP"
run "prlimit --pid $PID --nofile"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
