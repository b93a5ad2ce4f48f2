#!/bin/bash
# Runs watchsh.sh under `ulimit -n 100`; on-call: limits, ls -l /proc/PID/fd, three counts with date
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
rm -rf /srv/r310/watchsh; mkdir -p /srv/r310/watchsh; date > /srv/r310/watchsh/heartbeat
( ulimit -n 100; exec bash "$HERE/watchsh.sh" </dev/null >/dev/null 2>&1 ) & PID=$!
sleep 3
run() { echo "\$ sudo $1"; bash -c "$1" 2>&1; }
{
run "cat /proc/$PID/limits"
run "ls -l /proc/$PID/fd"
for i in 1 2 3; do run "date -u; ls /proc/$PID/fd | wc -l"; sleep 8; done
} > "$HERE/screen.txt"
kill $PID; pkill -P $PID 2>/dev/null; true
