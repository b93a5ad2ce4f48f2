#!/bin/bash
# Run the poller for 600 polls under a 2048-fd limit, then tally its fd links by target, as an
# engineer does to see what fills the table, beside its fd count and its limit.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/selector-transcript.md}
prlimit --nofile=2048:2048 java -cp $W/classes SelectorLeak 600 > $W/selector.log 2>&1 & PID=$!
sleep 12
{ echo '```'
  echo "\$ pidof java"; pidof java
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
  echo "\$ ls -l /proc/$PID/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head -5"; ls -l /proc/$PID/fd | awk '{print $11}' | sort | uniq -c | sort -rn | head -5
  echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo '```'; } > $OUT
kill $PID; sleep 1; kill -9 $PID 2>/dev/null; true
