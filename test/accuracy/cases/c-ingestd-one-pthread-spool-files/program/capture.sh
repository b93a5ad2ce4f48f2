#!/bin/bash
# Captures case c-ingestd-one-pthread-spool-files: run as root; needs gcc, strace.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/c1; mkdir -p $W/spool; rm -f $W/spool/*
gcc -O1 -Wall -pthread -o $W/ingestd "$HERE/ingestd.c"
cd $W; ./ingestd </dev/null >/dev/null 2>&1 & P=$!
sleep 4
T=$W/transcript.md; open_fence
run "ps -T -p $P"
run "ls /proc/$P/fd | wc -l"
run "timeout -s INT 2 strace -f -tt -p $P -e trace=openat,close"
run "ls /proc/$P/fd | wc -l"
run "grep 'open files' /proc/$P/limits"
run "ls -l /proc/$P/fd | tail -5"
close_fence
kill $P
