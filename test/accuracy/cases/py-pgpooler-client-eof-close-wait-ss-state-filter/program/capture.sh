#!/bin/bash
# capture.sh OUTDIR: start the pooler, run 300 short client sessions, then capture what an on-call
# engineer would first look at: ss's close-wait rows with their owners, ss -s, the pooler's limits,
# its log. No lsof, no fd listing.
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done
OUT=$1; HERE=$(cd "$(dirname "$0")" && pwd); PORT=16432
mkdir -p "$OUT"; cd "$OUT"
python3 "$HERE/pooler.py" $PORT > pooler.out 2>&1 &
PID=$!
sleep 1
python3 "$HERE/clients.py" $PORT 300
sleep 2
{ echo "\$ ss -tanp state close-wait"; ss -tanp state close-wait; } > ss-close-wait.txt
{ echo "\$ ss -s"; ss -s; } > ss-s.txt
{ echo "\$ cat /proc/$PID/limits"; cat /proc/$PID/limits; } > limits.txt
kill $PID
echo "pooler pid $PID"
