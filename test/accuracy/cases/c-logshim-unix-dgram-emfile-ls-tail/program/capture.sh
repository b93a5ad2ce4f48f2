#!/bin/bash
# logshim sends each record from a new unix datagram socket, never closed; ulimit -n 256; on-call: its stderr log, ls -l | tail
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/w223/c6/var; rm -rf $W; mkdir -p $W
$B/sinkd $W/log.sock </dev/null >/dev/null 2>&1 & SRV=$!
sleep 0.5
(ulimit -n 256; exec $B/logshim $W/log.sock) </dev/null >/dev/null 2>>$W/logshim.err & PID=$!
sleep 8
run() { echo "\$ $1"; bash -c "$1" 2>&1; }
{
run "tail -3 $W/logshim.err"
run "ls -l /proc/$PID/fd | tail -20"
} > "$HERE/screen.txt"
kill $PID $SRV
