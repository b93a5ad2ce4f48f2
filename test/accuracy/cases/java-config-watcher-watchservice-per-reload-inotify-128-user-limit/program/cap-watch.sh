#!/bin/bash
# Run the watcher for up to 200 reloads, then paste its log head, its fd count, its inotify fds
# counted, its limit, and the user's inotify allowance.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/watch-transcript.md}; C=$W/conf; mkdir -p $C; echo 'a=1' > $C/nifi.properties
java -cp $W/classes ConfigWatcher $C 200 > $W/watch.log 2>&1 & PID=$!
sleep 8
{ echo '```'
  echo "\$ head -4 conf-reloader.log"; head -4 $W/watch.log
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
  echo "\$ ls -l /proc/$PID/fd | grep -c inotify"; ls -l /proc/$PID/fd | grep -c inotify
  echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "\$ cat /proc/sys/fs/inotify/max_user_instances"; cat /proc/sys/fs/inotify/max_user_instances
  echo '```'; } > $OUT
kill $PID; sleep 1; kill -9 $PID 2>/dev/null; true
