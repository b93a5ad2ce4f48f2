#!/bin/bash
# Runs preforkd under load; on-call: pgrep, lsof -c counts three times, the parent's and a worker's listings, limits
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
rm -rf /srv/r310/prefork; mkdir -p /srv/r310/prefork; echo "hello from web4" > /srv/r310/prefork/motd.txt
perl "$HERE/preforkd.pl" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
perl "$HERE/load.pl" </dev/null >/dev/null 2>&1 & L1=$!
perl "$HERE/load.pl" </dev/null >/dev/null 2>&1 & L2=$!
sleep 5
run() { echo "root@web4:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a preforkd"
run "for p in \$(pgrep preforkd); do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
sleep 10
run "for p in \$(pgrep preforkd); do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
sleep 10
run "for p in \$(pgrep preforkd); do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
run "lsof -c preforkd | wc -l"
W=$(pgrep -P $PID | head -1)
run "ls -l /proc/$PID/fd"
run "ls -l /proc/$W/fd"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $L1 $L2; pkill -P $PID; kill $PID; true
