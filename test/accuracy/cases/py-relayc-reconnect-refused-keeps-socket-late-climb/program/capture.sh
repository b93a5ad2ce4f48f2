#!/bin/bash
# relayc talks to its upstream for ~5 s, then the upstream is killed: every reconnect is refused.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/relayc; rm -rf $W; mkdir -p $W; cd $W
python3 $HERE/upstream.py 47311 </dev/null >/dev/null 2>&1 & U=$!
sleep 0.5
prlimit --nofile=4096:4096 python3 $HERE/relayc.py 47311 </dev/null >/dev/null 2>&1 & P=$!
( sleep 5; kill $U ) &
sleep 1
{
echo '```'
say "for i in 1 2 3 4 5 6 7; do echo \"\$(date +%T) \$(ls /proc/$P/fd | wc -l)\"; sleep 2; done"
say "lsof -p $P | tail -6"
say "grep 'open files' /proc/$P/limits"
say "tail -4 relayc.log"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
