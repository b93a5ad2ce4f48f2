#!/bin/bash
# build: go build -o jobrunner jobrunner.go
# Starts jobrunner under ulimit -n 1024 and captures it by hand; kills it (and its zombies' parent) at the end.
cd "$(dirname "$0")"; . ./lib.sh
ulimit -n 1024
closefds
setsid ./jobrunner >jobrunner.out 2>jobrunner.err & PID=$!
sleep 3
{
run "ls /proc/$PID/fd | wc -l"
sleep 5
run "ls /proc/$PID/fd | wc -l"
sleep 5
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail"
run "ps -ef --forest | grep -A6 '[j]obrunner'"
} > screen.txt
kill -- -$PID
