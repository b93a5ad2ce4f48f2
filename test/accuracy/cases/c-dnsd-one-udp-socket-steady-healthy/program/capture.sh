#!/bin/bash
# dnsd under a steady query load: one UDP socket; on-call: ss -uap | grep dnsd, ls -l, fd count 10 s later, limits
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
$B/dnsd 5397 </dev/null >/dev/null 2>&1 & PID=$!
sleep 0.5
perl $B/dig-load.pl 5397 </dev/null >/dev/null 2>&1 & LOAD=$!
sleep 4
run() { echo "root@ns1:~# $1"; bash -c "$1" 2>&1; }
{
run "ss -uap | grep dnsd"
run "ls -l /proc/$PID/fd"
run "sleep 10; ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $LOAD $PID
