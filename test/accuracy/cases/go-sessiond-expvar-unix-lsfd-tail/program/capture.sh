#!/bin/bash
# sessiond (Go) dials its audit daemon per login and never closes the connection; the daemon closes
# its end. Captured by hand: /debug/vars twice a minute apart, then the tail of `lsfd -p PID`.
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
W=/tmp/acc193/sessiond-d; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && GOCACHE=/tmp/acc193/gocache GO111MODULE=off go build -o $W/sessiond sessiond.go)
python3 "$HERE/auditd.py" $W/audit.sock </dev/null >/dev/null 2>&1 &
AUD=$!
sleep 1
ADDR=127.0.0.1:19303 AUDIT_SOCK=$W/audit.sock prlimit --nofile=8192:8192 ./sessiond </dev/null >sessiond.log 2>&1 &
PID=$!
sleep 1
( while kill -0 $PID 2>/dev/null; do curl -s "localhost:19303/login?user=u$RANDOM" >/dev/null; sleep 0.08; done ) &
LOAD=$!
sleep 5
{
fence; p 'curl -s localhost:19303/debug/vars'; fence
sleep 60
fence; p 'curl -s localhost:19303/debug/vars'; fence
fence; p "lsfd -p $PID | tail"; fence
} > "$CASE/transcript.md"
kill $LOAD $PID $AUD; wait
echo "sessiond pid $PID"
