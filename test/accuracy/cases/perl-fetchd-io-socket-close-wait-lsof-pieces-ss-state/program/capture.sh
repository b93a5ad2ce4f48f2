#!/bin/bash
# Runs upstream.pl and fetchd.pl; on-call types lsof -p (in two pieces), wc -l, ss state close-wait, limits
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
perl "$HERE/upstream.pl" </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
perl "$HERE/fetchd.pl" </dev/null >/dev/null 2>&1 & PID=$!
sleep 12
run() { echo "root@app1:~# $1"; bash -c "$1" 2>&1; }
{
run "lsof -p $PID | head -14"
echo "..."
run "lsof -p $PID | tail -5"
run "lsof -p $PID | wc -l"
run "ss -tp state close-wait | head -4"
run "ss -tp state close-wait | grep -c fetchd"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID $SRV
