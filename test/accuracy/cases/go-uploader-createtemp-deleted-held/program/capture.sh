#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc154/w/uploader; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/uploader" uploader.go)
cd "$W"
prlimit --nofile=1024:1024 ./uploader </dev/null >/dev/null 2>&1 &
PID=$!
sleep 6
cd "$OUT"
{ date +%T; ls -l /proc/$PID/fd | grep -c deleted; sleep 5; date +%T; ls -l /proc/$PID/fd | grep -c deleted; } > deleted-count.txt
sleep 8
prlimit --pid $PID > prlimit-pid-$PID.txt
ls -l /proc/$PID/fd > ls-l-proc-$PID-fd.txt
tail -n 25 "$W/uploader.log" > uploader.log
kill $PID; wait || true
echo "uploader pid $PID"
