#!/bin/bash
# thumbs (Rust) removes each render's work file but keeps its handle. Captured by hand: two
# scrapes a minute apart, then a count of the fds whose file is deleted and a few of them.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the service with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# p CMD: one prompt and its output, as a terminal shows it.
p() { echo "\$ $1"; bash -c "$1" 2>&1; }
fence() { echo "\`\`\`"; }
W=/tmp/acc193/thumbs; D=/var/lib/acc193-thumbs; rm -rf $W $D; mkdir -p $W $D/work $D/cache; cd $W
(cd "$HERE" && rustc -O --edition 2021 -o $W/thumbs thumbs.rs)
DATA=$D ./thumbs </dev/null >thumbs.log 2>&1 &
PID=$!
sleep 1
( while kill -0 $PID 2>/dev/null; do curl -s localhost:19306/render >/dev/null; sleep 0.1; done ) &
LOAD=$!
sleep 5
{
fence; p 'date; curl -s localhost:19306/metrics | grep process_'; fence
sleep 60
fence; p 'date; curl -s localhost:19306/metrics | grep process_'; fence
fence; p 'pidof thumbs'; p "ls -l /proc/$PID/fd | grep -c deleted"; p "ls -l /proc/$PID/fd | grep deleted | tail -5"; fence
} > "$CASE/transcript.md"
kill $LOAD $PID; wait
rm -rf $D
echo "thumbs pid $PID"
