#!/bin/bash
# Runs the toy runner (limit 1024) under strace -f for file calls, then captures fds.
cd "$(dirname "$0")"
prlimit --nofile=1024:1024 strace -f -tt -e trace=openat,close,unlink -o strace.full python3 runner.py > runner.out 2>&1 10<&- 251>&- &
sleep 6
PID=$(pgrep -f 'python3 runner.py' | while read p; do [ "$(cat /proc/$p/comm)" = python3 ] && echo $p; done | head -1)
run() { echo "ci@runner:~/proj\$ $1"; bash -c "$1" 2>&1; }
{
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -4"
run "grep 'open files' /proc/$PID/limits"
run "grep -m3 'ERROR at setup' runner.out"
run "grep -m1 -B2 -A3 'mkstemp\|pytest-cfg-' strace.full | sed -n '400,420p'"
} > screen.txt
kill $PID
echo $PID
