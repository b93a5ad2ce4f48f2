#!/bin/bash
# Captures case py-feedpoll-poller-thread-sockets-strace-q: run as root; needs python3, strace, lsof.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/c2; mkdir -p $W
cd $W; python3 "$HERE/feedpoll.py" </dev/null >/dev/null 2>&1 & P=$!
sleep 4
T=$W/transcript.md; open_fence
run "ps -eLf | grep '[f]eedpoll'"
run "timeout -s INT 2 strace -q -f -tt -p $P -e trace=socket,openat,close"
run "ls /proc/$P/fd | wc -l"
run "cat /proc/$P/limits | grep -i files"
run "lsof -p $P | tail -6"
close_fence
kill $P
