#!/bin/bash
# Runs brokerd and one client loop; on-call: ss -xp | grep brokerd, ls -l /proc/PID/fd | grep -c socket
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
mkdir -p /run/r310
"$HERE/brokerd" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
perl "$HERE/client.pl" </dev/null >/dev/null 2>&1 & CL=$!
sleep 12
run() { echo "-> $1"; bash -c "$1" 2>&1; }
{
run "ss -xp | grep brokerd | tail -12"
run "ss -xp | grep -c brokerd"
run "ls -l /proc/$PID/fd | grep -c socket"
} > "$HERE/screen.txt"
kill $CL $PID
