#!/bin/bash
# billing (Go) opens its rate table per request and never closes it. Captured by hand: two scrapes
# of /metrics a minute apart, each after `date`, then the tail of its fd folder.
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
W=/tmp/acc193/billing; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && GOCACHE=/tmp/acc193/gocache GO111MODULE=off go build -o $W/billing billing.go)
printf 'sku-%d,%d.%02d\n' $(for i in $(seq 1 200); do echo $i $((i%50)) $((i%100)); done) > rates.csv
prlimit --nofile=4096:4096 ./billing </dev/null >billing.log 2>&1 &
PID=$!
sleep 1
( while kill -0 $PID 2>/dev/null; do curl -s "localhost:19301/rate?sku=sku-$((RANDOM%200+1))" >/dev/null; sleep 0.08; done ) &
LOAD=$!
sleep 5
{
fence; p 'date; curl -s localhost:19301/metrics | grep process_'; fence
sleep 60
fence; p 'date; curl -s localhost:19301/metrics | grep process_'; fence
fence; p 'pidof billing'; p "ls -l /proc/$PID/fd | tail"; fence
} > "$CASE/transcript.md"
kill $LOAD $PID; wait
echo "billing pid $PID"
