#!/bin/bash
# Reproduces this case's capture (run as root: packet sockets; needs gcc, lsof).
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/evhub; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/evhub" "$HERE/evhub.c" -lrt
cd "$W"
prlimit --nofile=1024:4096 ./evhub "$W/evhub.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 5
cd "$OUT"
{ date -u; lsof -p $PID; } > lsof-p-$PID-1.txt 2>&1
sleep 20
{ date -u; lsof -p $PID; } > lsof-p-$PID-2.txt 2>&1
cat /proc/$PID/limits > proc-$PID-limits.txt
tail -n 5 "$W/evhub.log" > evhub.log
kill $PID; wait || true
rm -f /dev/mqueue/evhub-events
echo "evhub pid $PID"
