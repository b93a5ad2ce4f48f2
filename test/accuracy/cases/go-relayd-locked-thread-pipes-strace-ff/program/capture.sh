#!/bin/bash
# Captures case go-relayd-locked-thread-pipes-strace-ff: run as root; needs go, strace.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/w3; mkdir -p $W/tr; rm -f $W/tr/*
cd $W && cp "$HERE/relayd.go" . && (test -f go.mod || go mod init relayd >/dev/null 2>&1) && go build -o relayd .
./relayd </dev/null >/dev/null 2>&1 & P=$!
sleep 4
T=$W/transcript.md; open_fence
cd $W/tr
run "timeout -s INT 2 strace -ff -tt -o relay -p $P -e trace=pipe2,openat,close"
run "wc -l relay.*"
for f in relay.*; do [ -s "$f" ] && run "cat $f"; done
run "grep . /proc/$P/task/*/comm"
run "ls /proc/$P/fd | wc -l"
run "ls -l /proc/$P/fd | tail -4"
close_fence
kill $P
