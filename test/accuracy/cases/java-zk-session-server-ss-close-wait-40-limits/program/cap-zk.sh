#!/bin/bash
# Start the session server, connect 40 clients that send "ruok" and hang up, then capture
# what an on-call engineer would paste: ss close-wait rows, the fd count, the limits, the log tail.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/zk-transcript.md}
java -cp $W/classes ZkSessionServer 21810 > $W/zk.log 2>&1 & PID=$!
sleep 2
for i in $(seq 1 40); do
  exec 3<>/dev/tcp/127.0.0.1/21810; echo ruok >&3; read -t 1 r <&3; exec 3>&- 3<&-
done
sleep 2
{ echo '```'
  echo "\$ ss -tnp state close-wait '( sport = :21810 )'"; ss -tnp state close-wait '( sport = :21810 )'
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
  echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "\$ tail -3 zookeeper.log"; tail -3 $W/zk.log
  echo '```'; } > $OUT
kill $PID
