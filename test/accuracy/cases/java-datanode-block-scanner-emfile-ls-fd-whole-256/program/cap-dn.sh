#!/bin/bash
# Make 400 block files, run the scanner under a 256-fd limit, then capture its whole fd
# table, its limits and the head of its log.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/dn-transcript.md}; V=$W/dn/current/BP-1/finalized/subdir0
rm -rf $W/dn; mkdir -p $V
for i in $(seq 1 400); do printf 'block %d\n' $i > $V/blk_10737$(printf %05d $i); done
prlimit --nofile=256:256 java -cp $W/classes BlockReader $V > $W/datanode.log 2>&1 & PID=$!
sleep 5
{ echo '```'
  echo "\$ head -8 datanode.log"; head -8 $W/datanode.log
  echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "\$ ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
  echo '```'; } > $OUT
kill $PID
