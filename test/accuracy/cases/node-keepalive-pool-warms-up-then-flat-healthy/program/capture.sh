#!/bin/bash
# timed counts from the start, then the whole lsfd table, its limit and the tail of its log.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/poolc; rm -rf $W; mkdir -p $W; cd $W
node $HERE/backend.cjs 47412 </dev/null >/dev/null 2>&1 & B=$!
sleep 1
prlimit --nofile=1024:1024 node $HERE/poolc.cjs 47412 </dev/null >/dev/null 2>&1 & P=$!
sleep 0.5
{
echo '```'
say "for i in \$(seq 10); do echo \"\$(date +%T) \$(ls /proc/$P/fd | wc -l)\"; sleep 3; done"
say "lsfd -p $P"
say "grep 'open files' /proc/$P/limits"
say "tail -3 poolc.log"
echo '```'
} > $HERE/../transcript.md
kill $P $B; wait
