#!/bin/bash
# Run the file consumer for 300 polls under a 1024-fd limit, then capture lsof of the JVM and
# its limit, as an on-call engineer would before restarting it.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/camel-transcript.md}
rm -rf $W/inbox; mkdir -p $W/inbox; echo 'id,qty' > $W/inbox/orders.csv
prlimit --nofile=1024:1024 java -cp $W/classes CamelLockPoller $W/inbox 300 > $W/camel.log 2>&1 & PID=$!
sleep 12
{ echo '```'
  echo "\$ tail -2 camel.log"; tail -2 $W/camel.log
  echo "\$ prlimit --pid $PID --nofile"; prlimit --pid $PID --nofile
  echo "\$ lsof -n -P -p $PID"; lsof -n -P -p $PID
  echo '```'; } > $OUT
kill $PID; sleep 1; kill -9 $PID 2>/dev/null
