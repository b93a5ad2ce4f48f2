#!/bin/bash
# sessiond (Go) under a 256-fd limit, its own log only: the stats lines (open_fds=N every 5 s) and
# the errors once it runs out. Captured as `tail -n 40` of its log.
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
W=/tmp/acc193/sessiond-h; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && GOCACHE=/tmp/acc193/gocache GO111MODULE=off go build -o $W/sessiond sessiond.go)
python3 "$HERE/auditd.py" $W/audit.sock </dev/null >/dev/null 2>&1 &
AUD=$!
sleep 1
ADDR=127.0.0.1:19304 AUDIT_SOCK=$W/audit.sock prlimit --nofile=256:256 ./sessiond </dev/null >sessiond.log 2>&1 &
PID=$!
sleep 1
( while kill -0 $PID 2>/dev/null; do curl -s "localhost:19304/login?user=u$RANDOM" >/dev/null; sleep 0.25; done ) &
LOAD=$!
sleep 80
{ fence; p 'tail -n 40 /tmp/acc193/sessiond-h/sessiond.log'; fence; } > "$CASE/transcript.md"
kill $LOAD $PID $AUD; wait
echo "sessiond pid $PID"
