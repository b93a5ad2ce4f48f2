#!/bin/bash
# a burst of 300 clients arrives 4 s after the start and leaves ~6 s later; the engineer reads
# the server's stats lines, then ss -s, the full ls -l of its fds and its limit.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/acceptd; rm -rf $W; mkdir -p $W; cd $W
prlimit --nofile=1024:1024 python3 $HERE/acceptd.py 47513 </dev/null >/dev/null 2>&1 & P=$!
sleep 4
python3 $HERE/burst.py 47513 300 3 </dev/null >/dev/null 2>&1 &
sleep 16
{
echo '```'
say "tail -n 9 acceptd.log"
say "ss -s | head -3"
say "ls -l /proc/$P/fd"
say "grep 'open files' /proc/$P/limits"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
