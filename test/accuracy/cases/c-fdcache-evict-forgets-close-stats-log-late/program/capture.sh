#!/bin/bash
# fdcache runs ~26 s; then the on-call engineer looks at its log, its fds and its limit.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/fdcache; rm -rf $W; mkdir -p $W/data; cd $W
for i in $(seq 0 399); do printf 'segment %03d\n' $i > data/f$(printf %03d $i).dat; done
gcc -O2 -o fdcache $HERE/fdcache.c
prlimit --nofile=1024:1024 ./fdcache </dev/null >/dev/null 2>&1 & P=$!
sleep 26
{
echo '```'
say "pgrep -a fdcache"
say "tail -n 13 fdcache.log"
say "ls -l /proc/$P/fd | tail -5"
say "grep 'open files' /proc/$P/limits"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
