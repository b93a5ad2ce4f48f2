#!/bin/bash
# Run the journal for 150 files under a 4096-fd limit, then paste what an engineer grabbed in a
# hurry: the fd count, the limit, and the first deleted rows lsfd shows.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/journal-transcript.md}; D=/var/lib/r307-artemis/data/journal
rm -rf /var/lib/r307-artemis
prlimit --nofile=4096:4096 java -cp $W/classes JournalCompactor $D 150 > $W/artemis.log 2>&1 & PID=$!
sleep 14
{ echo '```'
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
  echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "\$ lsfd -p $PID | grep -c deleted"; lsfd -p $PID | grep -c deleted
  echo "\$ lsfd -p $PID | head -1; lsfd -p $PID | grep deleted | head -8"; lsfd -p $PID | head -1; lsfd -p $PID | grep deleted | head -8
  echo "\$ df -h /var/lib/r307-artemis | tail -1 ; du -sh /var/lib/r307-artemis"; df -h /var/lib/r307-artemis | tail -1; du -sh /var/lib/r307-artemis
  echo '```'; } > $OUT
kill $PID; sleep 1; kill -9 $PID 2>/dev/null; rm -rf /var/lib/r307-artemis
