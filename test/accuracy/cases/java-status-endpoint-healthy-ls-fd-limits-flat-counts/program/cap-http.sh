#!/bin/bash
# Run the status endpoint, send 200 requests, then capture its whole fd table, its limits and
# three timed fd counts while more requests arrive.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/http-transcript.md}
echo '{"status":"ok"}' > $W/status.json
prlimit --nofile=4096:4096 java -cp $W/classes HealthyHttp 18080 $W/status.json > $W/http.log 2>&1 & PID=$!
sleep 2
for i in $(seq 1 200); do curl -s -o /dev/null http://127.0.0.1:18080/status; done
{ echo '```'
  echo "\$ cat /proc/$PID/limits | grep -i 'open files'"; grep -i 'open files' /proc/$PID/limits
  echo "\$ ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
  echo "\$ for i in 1 2 3; do date +%T; ls /proc/$PID/fd | wc -l; sleep 5; done"
  for i in 1 2 3; do date +%T; ls /proc/$PID/fd | wc -l; for j in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:18080/status; done; sleep 5; done
  echo '```'; } > $OUT
kill $PID
