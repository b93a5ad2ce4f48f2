#!/bin/bash
# pipewatch (Go) started by a /bin/sh wrapper without exec. Captures: ps of the wrapper and its
# child, counts per process twice 8 s apart, the wrapper's whole ls -l fd, the child's ls -l | tail.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='deploy@api-7:~$'
mkdir -p /srv/acc267/bin /srv/acc267/pipewatch
(cd "$HERE" && go build -o /srv/acc267/bin/pipewatch pipewatch.go) || exit 1
cp "$HERE/run-pipewatch.sh" /srv/acc267/bin/; chmod +x /srv/acc267/bin/run-pipewatch.sh
setsid /srv/acc267/bin/run-pipewatch.sh </dev/null >/dev/null 2>&1 & W=$!
sleep 6
{
run "ps -o pid,ppid,cmd -p $W --ppid $W"
run 'for p in $(pgrep -f pipewatch); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 8
run 'for p in $(pgrep -f pipewatch); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
C=$(pgrep -P $W)
run "ls -l /proc/$W/fd"
run "ls -l /proc/$C/fd | tail -8"
} > "$HERE/screen.txt"
pkill -P $W; kill $W 2>/dev/null; true
