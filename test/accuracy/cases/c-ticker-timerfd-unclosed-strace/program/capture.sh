#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc154/w/ticker; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/ticker" "$HERE/ticker.c"
cd "$W"
prlimit --nofile=4096:4096 ./ticker </dev/null >/dev/null 2>&1 &
PID=$!
sleep 12
cd "$OUT"
ps -o pid,ppid,nlwp,etime,args -p $PID > ps.txt
timeout -s INT 2 strace -f -tt -p $PID -o strace-f-tt.txt || true
lsfd -p $PID > lsfd-p-$PID.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
kill $PID; wait || true
echo "ticker pid $PID"
