#!/bin/bash
# Reproduces this case: runs spooler.tcl (256-fd limit) until it meets EMFILE, then the on-call
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/spooler; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=256:256 tclsh "$HERE/spooler.tcl" "$W/spool" "$W/spooler.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 10
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "tail -7 $W/spooler.log"
run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
run "ls -l /proc/$PID/fd | tail -4"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
