#!/bin/bash
# Reproduces this case: runs the stock service stand-in and the leaking poller with a
# what the on-call engineer captured, and stops both programs. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/inventory-sync
mkdir -p "$RUN" "$OUT"
cp "$HERE/upstream.js" "$HERE/poller.js" "$RUN/"
cd "$RUN"
node upstream.js 18081 > upstream.log 2>&1 &
UP=$!
sleep 1
prlimit --nofile=1024:1024 node poller.js http://127.0.0.1:18081/stock 100 >> inventory-sync.log 2>&1 &
PID=$!          # prlimit execs node: this is the poller's pid
sleep 30
# the alert fired on the CLOSE_WAIT count; the engineer looks:
{ date +%T | tr '\n' ' '; ls /proc/$PID/fd | wc -l; } >> "$OUT/fdcount.txt"
ss -tp state close-wait > "$OUT/ss_close_wait.txt"
sleep 15
{ date +%T | tr '\n' ' '; ls /proc/$PID/fd | wc -l; } >> "$OUT/fdcount.txt"
lsof -p $PID > "$OUT/lsof_$PID.txt"
cat /proc/$PID/limits > "$OUT/limits"
sleep 15
{ date +%T | tr '\n' ' '; ls /proc/$PID/fd | wc -l; } >> "$OUT/fdcount.txt"
cp inventory-sync.log "$OUT/inventory-sync.log"
kill $PID $UP
