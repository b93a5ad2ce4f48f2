#!/bin/bash
# Reproduces this case's capture with hand-typed commands (run as root; needs go, lsof).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/go-notifyd
OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/accn/gocache GO111MODULE=off go build -o "$W/notifyd" notifyd.go)
# Start it with only stdin/stdout/stderr, as an init system would (the sandbox shell this runs
# under keeps a few fds of its own open, which the service would inherit).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
prlimit --nofile=1024:1024 ./notifyd </dev/null >/dev/null 2>&1 &
PID=$!
sleep 16        # ~510 requests fill the 1024 fds after ~10 s
cd "$OUT"
ps aux | grep notifyd > ps.txt
ps -eo pid,ppid,args > "$W/ps-after.txt"
cat /proc/$PID/limits > notifyd.limits
ls -l /proc/$PID/fd > fd-list.txt
lsof -p $PID > lsof.txt
tail -n 40 "$W/notifyd.log" > notifyd.log
kill $PID
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" ps.txt
echo "notifyd pid $PID"
