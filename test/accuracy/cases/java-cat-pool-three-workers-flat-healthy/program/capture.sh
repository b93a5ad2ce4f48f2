#!/bin/bash
# build: javac Pool.java
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 4096
closefds
setsid java -Xmx64m Pool >pool.log & PID=$!
sleep 4
{
run "cat /proc/$PID/limits | grep files"
run "ls -l /proc/$PID/fd"
run "for i in 1 2 3; do date +%T; ls /proc/$PID/fd | wc -l; sleep 5; done"
} > screen.txt
kill -- -$PID
