#!/bin/bash
# Reproduces this case's capture (run as root; needs gcc, util-linux lsfd and unshare).
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/tunpool; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/tunpool" "$HERE/tunpool.c"
cd "$W"
prlimit --nofile=1024:4096 unshare -n ./tunpool "$W/tunpool.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 4
cd "$OUT"
ps -o pid,ppid,etime,args --ppid $PID -p $PID > ps.txt
{ date -u; lsfd -p $PID; } > lsfd-p-$PID-1.txt
sleep 20
{ date -u; lsfd -p $PID; } > lsfd-p-$PID-2.txt
for fd in 3 4; do echo "== /proc/$PID/fdinfo/$fd"; cat /proc/$PID/fdinfo/$fd; done > fdinfo-epoll.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
tail -n 3 "$W/tunpool.log" > tunpool.log
for c in $(pgrep -P $PID); do kill $c; done
kill $PID; wait || true
echo "tunpool pid $PID"
