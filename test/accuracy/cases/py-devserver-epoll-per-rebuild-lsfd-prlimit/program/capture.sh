#!/bin/bash
# Runs devserver.py (limit 1024) and captures what on-call would: lsfd, a count, the limit.
cd "$(dirname "$0")"
prlimit --nofile=1024:1024 python3 devserver.py devserver.log </dev/null >/dev/null 2>&1 & PID=$!
sleep 7
run() { echo "[dev@laptop ~]\$ $1"; bash -c "$1" 2>&1; }
{
run "prlimit -p $PID --nofile"
run "lsfd -p $PID"
run "tail -2 /tmp/r312-work/devsrv/devserver.log"
} > screen.txt
kill $PID
