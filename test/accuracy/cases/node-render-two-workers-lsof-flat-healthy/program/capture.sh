#!/bin/bash
# build: none (node render.js)
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 1024
closefds
setsid node render.js >render.log & PID=$!
sleep 3
{
run "lsof -p $PID"
run "ls /proc/$PID/fd | wc -l"
sleep 5
run "ls /proc/$PID/fd | wc -l"
sleep 5
run "ls /proc/$PID/fd | wc -l"
run "ps -ef --forest | grep -A2 '[r]ender.js'"
} > screen.txt
kill -- -$PID
