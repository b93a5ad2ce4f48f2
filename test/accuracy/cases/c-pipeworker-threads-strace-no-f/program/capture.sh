#!/bin/bash
# Captures this case by hand-typed commands (root; needs gcc, strace). strace without -f: only
# the main thread (blocked in pthread_join) is traced; the worker that leaks is not.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. /tmp/acc189/common.sh
W=/tmp/acc189/w-pipeworker; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
gcc -O2 -g -pthread -o "$W/pipeworker" "$HERE/pipeworker.c"
cd "$W"; prlimit --nofile=256:256 ./pipeworker 2>>pipeworker.log & PID=$!
sleep 3
say '```'
run "ps -o pid,nlwp,etime,args -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 3 strace -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "tail -4 $W/pipeworker.log"
say '```'
kill $PID
