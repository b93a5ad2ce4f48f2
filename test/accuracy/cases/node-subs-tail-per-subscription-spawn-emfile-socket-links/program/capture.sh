#!/bin/bash
# build: none (node subs.js)
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 256
closefds
setsid node subs.js >subs.out 2>subs.log & PID=$!
sleep 7
{
run "tail -3 subs.log"
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -6"
run "pstree -p $PID | head -6"
} > screen.txt
kill -- -$PID
