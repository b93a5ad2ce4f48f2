#!/bin/bash
# ingest (Rust), healthy: one journal file kept open, a short connection per batch, closed.
# Captured by hand: two scrapes a minute apart, then its whole fd folder and its limits.
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
W=/tmp/acc193/ingest; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && rustc -O --edition 2021 -o $W/ingest ingest.rs)
./ingest </dev/null >ingest.log 2>&1 &
PID=$!
sleep 1
( while kill -0 $PID 2>/dev/null; do curl -s -XPOST --data "evt=$RANDOM" localhost:19305/events >/dev/null; sleep 0.1; done ) &
LOAD=$!
sleep 5
{
fence; p 'date; curl -s localhost:19305/metrics | grep process_'; fence
sleep 60
fence; p 'date; curl -s localhost:19305/metrics | grep process_'; fence
fence; p 'pgrep ingest'; p "ls -l /proc/$PID/fd"; p "cat /proc/$PID/limits"; fence
} > "$CASE/transcript.md"
kill $LOAD $PID; wait
echo "ingest pid $PID"
