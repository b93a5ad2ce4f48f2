#!/bin/bash
# Runs tailmon.sh (ulimit -n 1024); the on-call finds it with ps, counts its fds four times
# (`sleep 5;` typed before the later ones) and looks at the end of its fd folder
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
( ulimit -n 1024; exec bash "$HERE/tailmon.sh" </dev/null >/dev/null 2>/dev/null ) & PID=$!
sleep 6
run() { echo "root@mon1:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -o pid,ppid,etime,args -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "sleep 5; ls /proc/$PID/fd | wc -l"
run "sleep 5; ls /proc/$PID/fd | wc -l"
run "sleep 5; ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -3"
} > "$HERE/screen.txt"
kill $PID
