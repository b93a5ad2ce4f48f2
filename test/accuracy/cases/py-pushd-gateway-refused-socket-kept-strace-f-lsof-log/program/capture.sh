#!/bin/bash
# Runs pushd under a 400-fd limit, then captures what an on-call engineer would, by hand, into ../bundle.
cd "$(dirname "$0")"
B=${1:-bundle}; mkdir -p "$B"; rm -f pushd.log
prlimit --nofile=400:4096 python3 pushd.py pushd.log > /dev/null 2>&1 10>&- 251>&- &
P=$!; echo $P > pushd.pid
sleep 4
cat /proc/$P/limits > "$B/proc-$P-limits.txt"
timeout -s INT 1 strace -f -tt -p $P -e trace=socket,connect,close,openat,write -o "$B/strace-$P.log"
lsof -n -P -p $P > "$B/lsof-p-$P.txt"
sleep 6
tail -n 20 pushd.log > "$B/pushd.log"
ls /proc/$P/fd | wc -l > "$B/fd-count-$P.txt"
ls /proc/$P/task > "$B/tasks-$P.txt"
for t in $(ls /proc/$P/task); do echo "$t $(cat /proc/$P/task/$t/comm)"; done > "$B/task-comm-$P.txt"
kill $P
