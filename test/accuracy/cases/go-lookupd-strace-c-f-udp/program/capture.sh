#!/bin/bash
# Captures this case by hand-typed commands (root; needs go, strace). Nothing listens on
# 127.0.0.1:5353 (UDP writes still succeed); each query's socket is kept.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. /tmp/acc189/common.sh
W=/tmp/acc189/w-lookupd; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
(cd "$HERE/lookupd" && go build -o "$W/lookupd" .)
cd "$W"; prlimit --nofile=1024:1024 ./lookupd 2>>lookupd.log & PID=$!
sleep 3
say '```'
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 4 strace -c -f -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "tail -4 $W/lookupd.log"
say '```'
kill $PID
