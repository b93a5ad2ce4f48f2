#!/bin/bash
# Captures this case by hand-typed commands (root; needs python3, strace). Healthy: opens = closes.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. /tmp/acc189/common.sh
W=/tmp/acc189/w-confserve; rm -rf "$W"; mkdir -p "$W/conf"; rm -f "$T"
for f in app.ini routes.ini limits.ini; do printf '[main]\nkey = value\n' > "$W/conf/$f"; done
cd "$W"; CONF_DIR=$W/conf prlimit --nofile=1024:4096 python3 "$HERE/confserve.py" & PID=$!
sleep 1
say '```'
run "cat /proc/$PID/limits"
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 2 strace -T -r -p $PID 2>&1 | head -30"
run "ls /proc/$PID/fd | wc -l"
say '```'
kill $PID
