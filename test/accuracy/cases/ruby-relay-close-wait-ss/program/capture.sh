#!/bin/bash
# Reproduces this case: runs upstream.py and relay.rb (512-fd limit) until the relay meets EMFILE,
# transcript.md is that output pasted into a ticket. Stops both programs. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/relay; rm -rf "$W"; mkdir -p "$W"; cd "$W"
python3 "$HERE/upstream.py" 8089 </dev/null >/dev/null 2>&1 & UP=$!
sleep 0.5
prlimit --nofile=512:512 ruby "$HERE/relay.rb" "$W/relay.log" 8089 </dev/null >/dev/null 2>&1 & PID=$!
sleep 14
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -af relay.rb"
run "tail -3 $W/relay.log"
run "prlimit --pid $PID --nofile"
run "ss -tanp state close-wait | head -8"
run "ss -tanp state close-wait | wc -l"
} > "$W/screen.txt"
kill $PID $UP
cat "$W/screen.txt"
