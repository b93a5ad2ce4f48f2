#!/bin/bash
# Reproduces this case's capture with hand-typed commands (run as root; needs gcc, python3,
# the -ff files of the same capture.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/c-relay
OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT/strace/merged"
gcc -O2 -Wall -pthread -o "$W/relay" "$HERE/relay.c"
cp "$HERE/broker.py" "$W/"
# Start everything with only stdin/stdout/stderr, as an init system would (the sandbox shell this
# runs under keeps a few fds of its own open, which the services would inherit).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
cd "$W"
python3 "$W/broker.py" </dev/null >/dev/null 2>&1 &
BRK=$!
sleep 1
prlimit --nofile=1024:1024 "$W/relay" </dev/null >/dev/null 2>&1 &
PID=$!
while [ "$(ls /proc/$PID/fd | wc -l)" -lt 900 ]; do sleep 0.2; done
cd "$OUT"
ps -T -p $PID > ps-T.txt
timeout -s INT 5 strace -ff -ttt -T -y -p $PID -o strace/relay || true
lsof -p $PID > lsof-relay.txt
tail -n 100 "$W/relay.log" > relay.log
kill $PID $BRK
strace-log-merge strace/relay > strace/merged/relay.strace
echo "relay pid $PID, broker pid $BRK"
rm -rf "$W"
