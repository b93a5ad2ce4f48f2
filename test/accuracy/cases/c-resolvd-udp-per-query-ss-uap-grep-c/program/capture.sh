#!/bin/bash
# resolvd asks dnsd per lookup from a new UDP socket; on-call: ss -uap | grep resolvd, counts, limits
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
$B/dnsd 5391 </dev/null >/dev/null 2>&1 & SRV=$!
sleep 0.5
(exec -a resolvd $B/resolvd 5391 20000) </dev/null >/dev/null 2>&1 & PID=$!
sleep 12
run() { echo "root@ns2:~# $1"; bash -c "$1" 2>&1; }
{
run "ss -uap | grep resolvd | head -5"
run "ss -uap | grep -c resolvd"
run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
} > "$HERE/screen.txt"
kill $PID $SRV
