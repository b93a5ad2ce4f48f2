#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc154/w/jobrunner; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/jobrunner" jobrunner.go)
cd "$W"
prlimit --nofile=512:512 ./jobrunner </dev/null >/dev/null 2>&1 &
PID=$!
sleep 12
cd "$OUT"
cat /proc/$PID/limits > proc-$PID-limits.txt
lsfd -p $PID > lsfd-p-$PID.txt
tail -n 30 "$W/jobrunner.log" > jobrunner.log
kill $PID; wait || true
echo "jobrunner pid $PID"
