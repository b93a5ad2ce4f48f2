#!/bin/bash
# The ZooKeeper-like server again, 60 clients that hang up; then the on-call engineer's tallies:
# the server's TCP sockets by state (ss rows grep'd by its pid, first column counted), its fd count
# twice a few seconds apart, and its limit from prlimit.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/zk-tally-transcript.md}
prlimit --nofile=4096:4096 java -cp $W/classes ZkSessionServer 21811 > $W/zk2.log 2>&1 & PID=$!
sleep 2
for i in $(seq 1 60); do
  exec 3<>/dev/tcp/127.0.0.1/21811; echo ruok >&3; read -t 1 r <&3; exec 3>&- 3<&-
done
sleep 2
{ echo '```'
  echo "\$ pgrep -f ZkSessionServer"; pgrep -f ZkSessionServer
  echo "\$ ss -tanp | grep \"pid=$PID,\" | awk '{print \$1}' | sort | uniq -c"; ss -tanp | grep "pid=$PID," | awk '{print $1}' | sort | uniq -c
  echo "\$ ls /proc/$PID/fd | wc -l; sleep 5; ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; sleep 5; ls /proc/$PID/fd | wc -l
  echo "\$ prlimit -n -p $PID"; prlimit -n -p $PID
  echo '```'; } > $OUT
kill $PID; sleep 1; kill -9 $PID 2>/dev/null
