#!/bin/bash
# build: javac Tailer.java
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 256
closefds
setsid java -Xmx64m Tailer >tailer.out 2>tailer.log & PID=$!
sleep 8
{
run "tail -3 tailer.log"
run "grep 'open files' /proc/$PID/limits"
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -6"
} > screen.txt
kill -- -$PID
