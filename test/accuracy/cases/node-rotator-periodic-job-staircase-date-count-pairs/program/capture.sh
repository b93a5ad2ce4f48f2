#!/bin/bash
# the engineer samples the count every 2 s with the date on its own line, then lists the tail.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/rotator; rm -rf $W; mkdir -p $W/shards; cd $W
for i in $(seq -w 1 24); do if [ $((10#$i % 4)) -eq 0 ]; then echo data > shards/shard-$i.log; else : > shards/shard-$i.log; fi; done
prlimit --nofile=1024:1024 node $HERE/rotator.cjs </dev/null >/dev/null 2>&1 & P=$!
sleep 12
{
echo '```'
say "for i in 1 2 3 4 5 6 7 8 9 10; do date +%T; ls /proc/$P/fd | wc -l; sleep 2; done"
say "ls -l /proc/$P/fd | tail -4"
say "tail -3 rotator.log"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
