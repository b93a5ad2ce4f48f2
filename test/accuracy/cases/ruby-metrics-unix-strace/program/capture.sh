#!/bin/bash
# Reproduces this case: runs agent.py and metrics.rb for 15 s, then the on-call engineer's
# pastes that screen. Stops both. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/metrics; rm -rf "$W"; mkdir -p "$W"
python3 "$HERE/agent.py" "$W/agent.sock" </dev/null >/dev/null 2>&1 & AG=$!
sleep 0.5
ruby "$HERE/metrics.rb" "$W/agent.sock" </dev/null >/dev/null 2>"$W/metrics.err" & PID=$!
sleep 15
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -af metrics.rb"
run "timeout 2 strace -f -tt -p $PID 2>&1 | head -24"
run "ss -xp | grep -c 'pid=$PID,'"
run "ss -xp | grep 'pid=$PID,' | head -4"
} > "$W/screen.txt"
kill $PID $AG
cat "$W/screen.txt"
