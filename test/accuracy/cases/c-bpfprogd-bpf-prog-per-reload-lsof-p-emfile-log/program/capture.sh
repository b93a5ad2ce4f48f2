#!/bin/bash
# Reproduces this case's capture (run as root: BPF_PROG_LOAD; needs gcc, lsof).
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/bpfprogd; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O1 -o "$W/bpfprogd" "$HERE/bpfprogd.c"
cd "$W"
prlimit --nofile=512:4096 ./bpfprogd "$W/bpfprogd.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 24
cd "$OUT"
lsof -p $PID > lsof-p-$PID.txt 2>&1
cat /proc/$PID/fdinfo/300 > fdinfo-300.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
tail -n 12 "$W/bpfprogd.log" > bpfprogd.log
kill $PID; wait || true
echo "bpfprogd pid $PID"
