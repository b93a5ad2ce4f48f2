#!/bin/bash
# Reproduces this case's capture (run as root; needs gcc, strace, util-linux).
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/ringq; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/ringq" "$HERE/ringq.c" -lpthread
cd "$W"
prlimit --nofile=256:4096 ./ringq "$W/ringq.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 11
cd "$OUT"
ps -L -o pid,lwp,nlwp,etime,args -p $PID > ps-L.txt
timeout -s INT 4 strace -f -y -tt -p $PID -o strace-f-y-tt.txt || true
cat /proc/$PID/limits > proc-$PID-limits.txt
tail -n 20 "$W/ringq.log" > ringq.log
kill $PID; wait || true
echo "ringq pid $PID"
