#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc154/w/confwatch; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/confwatch" inotifyd.go)
cd "$W"
./confwatch </dev/null >/dev/null 2>&1 &
PID=$!
sleep 10
cd "$OUT"
ls -l /proc/$PID/fd > ls-l-proc-$PID-fd.txt
LAST=$(ls /proc/$PID/fd | sort -n | tail -1)
{ echo "$ cat /proc/$PID/fdinfo/$LAST"; cat /proc/$PID/fdinfo/$LAST; } > fdinfo-$LAST.txt
{ echo "$ cat /proc/sys/fs/inotify/max_user_instances"; cat /proc/sys/fs/inotify/max_user_instances; } > inotify-max.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
tail -n 20 "$W/confwatch.log" > confwatch.log
kill $PID; wait || true
echo "confwatch pid $PID"
