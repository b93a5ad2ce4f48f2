#!/bin/bash
# The pooled status endpoint under a 4096-fd limit, 200 requests, then the counts an engineer
# takes with a host-wide lsof (which repeats each fd and each mapping once per thread).
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/pooled-transcript.md}
echo '{"status":"ok"}' > $W/status.json
prlimit --nofile=4096:4096 java -cp $W/classes PooledStatus 18081 $W/status.json > $W/pooled.log 2>&1 & PID=$!
sleep 2
for i in $(seq 1 200); do curl -s -o /dev/null http://127.0.0.1:18081/status; done
{ echo '```'
  echo "\$ lsof -n | grep java | wc -l"; lsof -n | grep java | wc -l
  echo "\$ lsof -n | grep java | awk '{print \$1, \$2}' | sort | uniq -c"; lsof -n | grep java | awk '{print $1, $2}' | sort | uniq -c
  echo "\$ ulimit -n"; ulimit -n
  echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo '```'; } > $OUT
kill $PID; sleep 1; kill -9 $PID 2>/dev/null; true
