#!/bin/bash
# Reproduces this case's capture (run as root; needs gcc, strace, lsof).
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/ifwatch; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/ifwatch" "$HERE/ifwatch.c" -lpthread
cd "$W"
prlimit --nofile=1024:4096 ./ifwatch "$W/ifwatch.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 6
cd "$OUT"
timeout -s INT 2 strace -f -y -tt -e trace=socket,close,write -p $PID -o strace-f-y-tt-e.txt || true
lsof -p $PID 2>&1 | tail -n 20 > lsof-p-$PID-tail-20.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
kill $PID; wait || true
echo "ifwatch pid $PID"
