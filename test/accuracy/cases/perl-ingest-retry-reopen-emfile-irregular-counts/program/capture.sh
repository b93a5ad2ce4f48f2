#!/bin/bash
# bad records arrive in a few batches only; the engineer checks the count with date now and
# then (prompts about 3 s apart), then reads the log, the tail of lsof and the limit.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/ingestd; rm -rf $W; mkdir -p $W/inbox; cd $W
for i in $(seq 0 49); do f=$(printf inbox/batch-%04d.dat $i); for r in $(seq 1 20); do echo "rec $r ok" >> $f; done; done
for i in 3 4 17 31 32 33 45; do f=$(printf inbox/batch-%04d.dat $i); for r in $(seq 1 40); do echo "rec BAD $r" >> $f; done; done
prlimit --nofile=256:256 perl $HERE/ingestd.pl </dev/null >/dev/null 2>&1 & P=$!
sleep 1
{
echo '```'
for k in 1 2 3 4 5; do say "date; ls /proc/$P/fd | wc -l"; sleep 3; done
say "tail -n 3 ingestd.log"
say "lsof -p $P | tail -5"
say "cat /proc/$P/limits | grep -i files"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
