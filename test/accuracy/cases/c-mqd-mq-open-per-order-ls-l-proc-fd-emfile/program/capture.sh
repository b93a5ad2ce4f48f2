#!/bin/bash
# Reproduces this case's capture (run as root; needs gcc).
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/mqd; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/mqd" "$HERE/mqd.c" -lrt
cd "$W"
prlimit --nofile=256:4096 ./mqd "$W/mqd.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 19
cd "$OUT"
ls -l /proc/$PID/fd > ls-l-proc-$PID-fd.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
tail -n 8 "$W/mqd.log" > mqd.log
kill $PID; wait || true
rm -f /dev/mqueue/orders
echo "mqd pid $PID"
