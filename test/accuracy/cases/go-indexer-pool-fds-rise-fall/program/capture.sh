#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc154/w/indexer; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/indexer" pool.go)
cd "$W"
prlimit --nofile=1024:1024 ./indexer </dev/null >/dev/null 2>&1 &
PID=$!
sleep 3
cd "$OUT"
cat /proc/$PID/limits > proc-$PID-limits.txt
for i in $(seq 1 16); do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; sleep 1; done > fd-count.log
while [ "$(ls /proc/$PID/fd | wc -l)" -gt 20 ]; do sleep 0.2; done
lsfd -p $PID > lsfd-p-$PID-between-batches.txt
cp "$W/indexer.log" indexer.log
kill $PID; wait || true
echo "indexer pid $PID"
