#!/bin/bash
# edge (Go) holds 600 long-lived client connections by design. One run, two pastes: the scrapes
# alone at t=0 and t=60 (go-edge-prom-scrapes-only-steady), and at t=30 and t=90 with a full
# `lsfd -p PID` and its limits (this case).
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
OTHER=$CASE; CASE=$(dirname "$CASE")/go-edge-prom-busy-lsfd-steady  # the same run writes both
W=/tmp/acc193/edge; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && GOCACHE=/tmp/acc193/gocache GO111MODULE=off go build -o $W/edge edge.go)
prlimit --nofile=20000:20000 ./edge </dev/null >edge.log 2>&1 &
PID=$!
sleep 1
prlimit --nofile=4096:4096 python3 "$HERE/clients.py" 600 150 &
CLI=$!
sleep 10
{ fence; p 'date; curl -s localhost:19302/metrics | grep process_'; fence; } > "$OTHER/transcript.md"
sleep 30
{ fence; p 'date; curl -s localhost:19302/metrics | grep process_'; fence; } > "$CASE/transcript.md"
sleep 30
{ fence; p 'date; curl -s localhost:19302/metrics | grep process_'; fence; } >> "$OTHER/transcript.md"
sleep 30
{ fence; p 'date; curl -s localhost:19302/metrics | grep process_'; fence
  fence; p 'pgrep -x edge'; p "cat /proc/$PID/limits"; fence
  fence; p "lsfd -p $PID"; fence; } >> "$CASE/transcript.md"
kill $CLI $PID; wait
echo "edge pid $PID"
