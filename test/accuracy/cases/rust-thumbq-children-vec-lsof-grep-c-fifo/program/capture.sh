#!/bin/bash
# build: rustc -O -o thumbq src/main.rs
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 1024
closefds
setsid ./thumbq >thumbq.out 2>thumbq.err & PID=$!
sleep 4
{
run "lsof -p $PID | grep -c FIFO"
sleep 6
run "lsof -p $PID | grep -c FIFO"
run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
run "pstree -p $PID | head -5"
} > screen.txt
kill -- -$PID
