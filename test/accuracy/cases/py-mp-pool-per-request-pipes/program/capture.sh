#!/bin/bash
# Reproduces this case: runs resizer.py (256-fd limit) until it meets EMFILE, then two commands
# Stops the resizer and its pool workers. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/resizer; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=256:256 python3 "$HERE/resizer.py" "$W/resizer.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 14
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "tail -12 $W/resizer.log"
run "ls -l /proc/$PID/fd | tail -6"
} > "$W/screen.txt"
KIDS=$(pgrep -P $PID | tr "\n" " "); kill $PID $KIDS   # the pool workers too (the run here missed two, killed by pid afterwards)
cat "$W/screen.txt"
