#!/bin/bash
# Runs ratesvc (ulimit -n 4096, stderr to /var/log/ratesvc/error.log); the on-call's commands
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
mkdir -p /var/log/ratesvc; rm -f /var/log/ratesvc/error.log
( ulimit -n 4096; exec "$HERE/ratesvc" </dev/null >/dev/null 2>>/var/log/ratesvc/error.log ) & PID=$!
sleep 15
run() { echo "##CMD $1"; bash -c "$1" 2>&1; }
{
run "pidof ratesvc"
run "lsof -p $PID | awk '{print \$NF}' | sort | uniq -c | sort -rn | head -4"
run "lsof -p $PID | grep -c rates.conf"
run "ls -l /proc/$PID/fd | grep -c rates.conf"
run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
run "lsof -p $PID | sed -n '20,26p'"
} > "$HERE/raw.txt"
kill $PID
