#!/bin/bash
# Runs deployd.sh; on-call: ps children, the parent's listing, two shippers' listings
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
rm -rf /srv/r310/deployd; mkdir -p /srv/r310/deployd
bash "$HERE/deployd.sh" </dev/null >/dev/null 2>&1 & PID=$!
sleep 3
run() { echo "[root@deploy1 ~]# $1"; bash -c "$1" 2>&1; }
C1=$(pgrep -P $PID | head -1); C2=$(pgrep -P $PID | tail -1)
{
run "ps --ppid $PID -o pid,ppid,cmd"
run "ls -l /proc/$PID/fd"
run "ls -l /proc/$C1/fd"
run "ls -l /proc/$C2/fd"
} > "$HERE/screen.txt"
pkill -P $PID; kill $PID; true
