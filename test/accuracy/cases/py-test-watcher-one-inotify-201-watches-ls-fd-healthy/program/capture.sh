#!/bin/bash
# Runs watcher.py over a 201-directory tree, touches files, and captures it twice.
cd "$(dirname "$0")"
python3 watcher.py repo watcher.log </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 2
( for i in $(seq 1 40); do echo "# edit" >> repo/pkg$i/mod.py; sleep 0.05; done ) &
run() { echo "me@box:~/repo\$ $1"; bash -c "$1" 2>&1; }
{
run "ls -l /proc/$PID/fd"
run "grep -c '^inotify' /proc/$PID/fdinfo/4"
run "grep 'open files' /proc/$PID/limits"
sleep 3
run "ls -l /proc/$PID/fd"
run "tail -3 /tmp/r312-work/watcher/watcher.log"
} > screen.txt
kill $PID
