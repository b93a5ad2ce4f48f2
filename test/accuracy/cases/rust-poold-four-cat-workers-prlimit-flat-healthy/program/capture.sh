#!/bin/bash
# build: rustc -O -o poold src/main.rs
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 1024
closefds
setsid ./poold >poold.log & PID=$!
sleep 3
{
run "prlimit --pid $PID --nofile"
run "pstree -p $PID"
run "ls -l /proc/$PID/fd"
run "for i in 1 2 3; do echo \"\$(date +%T) \$(ls /proc/$PID/fd | wc -l)\"; sleep 5; done"
} > screen.txt
kill -- -$PID
