#!/bin/bash
# statsd-push keeps a UDP socket per metric; ulimit -n 128; on-call: sockstat before/after, the log's tail
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/w223/c2/var; rm -rf $W; mkdir -p $W
run() { echo "[oncall@web4 ~]\$ $1"; bash -c "$1" 2>&1; }
run "cat /proc/net/sockstat" > "$HERE/screen.txt"
(ulimit -n 128; exec perl $B/statsd-push.pl 8127) </dev/null >>$W/statsd-push.log 2>&1 & PID=$!
sleep 5
{
run "cat /proc/net/sockstat"
run "tail -4 $W/statsd-push.log"
} >> "$HERE/screen.txt"
kill $PID
