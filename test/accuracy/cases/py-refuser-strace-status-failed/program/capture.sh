#!/bin/bash
# Captures this case by hand-typed commands (root; needs python3, strace). Nothing listens on
# 127.0.0.1:7399, so every connect is refused; the socket is parked and never closed.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. /tmp/acc189/common.sh
W=/tmp/acc189/w-refuser; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
cd "$W"; prlimit --nofile=256:256 python3 "$HERE/refuser.py" 2>>refuser.log & PID=$!
sleep 1.5
say '```'
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 3 strace -e trace=openat,close,socket,connect -e status=failed -p $PID 2>&1 | head -30"
run "ls /proc/$PID/fd | wc -l"
run "tail -5 $W/refuser.log"
say '```'
kill $PID
