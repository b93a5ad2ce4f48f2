#!/bin/bash
# jobrun keeps both ends of a socketpair per job; on-call: ls -l /proc/PID/fd | tail -20, count, ss -xp | grep -c pid=PID,
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
perl $B/jobrun.pl </dev/null >/dev/null 2>&1 & PID=$!
sleep 10
run() { echo "root@batch2:~# $1"; bash -c "$1" 2>&1; }
{
run "ls -l /proc/$PID/fd | tail -20"
run "ls /proc/$PID/fd | wc -l"
run "ss -xp | grep -c pid=$PID,"
} > "$HERE/screen.txt"
kill $PID
