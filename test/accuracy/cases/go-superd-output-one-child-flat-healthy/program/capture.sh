#!/bin/bash
# build: go build -o superd superd.go
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 1024
closefds
setsid ./superd >superd.out 2>superd.err & PID=$!
sleep 3
{
run "grep 'open files' /proc/$PID/limits"
run "ls -l /proc/$PID/fd"
run "for i in 1 2 3; do date +%T; ls /proc/$PID/fd | wc -l; sleep 5; done"
} > screen.txt
kill -- -$PID
