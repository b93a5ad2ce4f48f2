#!/bin/bash
# probe health-checks 127.0.0.1:1 (nothing listens); each refused socket is kept; on-call: lsof -p PID -a -i, count, limits
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
$B/probe 1 </dev/null >/dev/null 2>&1 & PID=$!
sleep 10
run() { echo "root@lb1:~# $1"; bash -c "$1" 2>&1; }
{
run "lsof -p $PID -a -i | head"
run "lsof -p $PID | tail -5"
run "ls /proc/$PID/fd | wc -l"
run "cat /proc/$PID/limits | grep -i files"
} > "$HERE/screen.txt"
kill $PID
