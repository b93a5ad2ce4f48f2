#!/bin/bash
# Runs buildd.py (limit 4096) and captures what on-call would: a whole lsof -p and fd counts.
cd "$(dirname "$0")"
prlimit --nofile=4096:4096 python3 buildd.py buildd.log </dev/null >/dev/null 2>&1 & PID=$!
sleep 4
run() { echo "dev@ci-builder:~\$ $1"; bash -c "$1" 2>&1; }
{
run "ls /proc/$PID/fd | wc -l"
sleep 3; run "ls /proc/$PID/fd | wc -l"
run "lsof -n -P -p $PID"
run "ls /proc/$PID/fd | wc -l"
} > screen.txt
kill $PID
