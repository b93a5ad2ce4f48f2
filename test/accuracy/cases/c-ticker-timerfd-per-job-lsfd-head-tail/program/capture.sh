#!/bin/bash
# Runs this case's program and writes transcript.md as an on-call engineer pasted it (partial evidence on purpose).
set -u
# Start the program with stdin/stdout/stderr only (the sandbox shell keeps fds of its own).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# run CMD...: print a prompt line and the command's output, as pasted into a ticket
run() { echo "\$ $*"; bash -c "$*" 2>&1; }
fence() { echo '```'; }
HERE=$(cd "$(dirname "$0")" && pwd)
D=$(dirname "$HERE")
W=/tmp/w213/run; mkdir -p $W
gcc -O1 -o $W/ticker $HERE/ticker.c
prlimit --nofile=1024:1024 $W/ticker > $W/ticker.log 2>&1 & P=$!
sleep 9
{ echo "ticker (pid $P):"; echo; fence
  run "lsfd -p $P | head -n 8"
  run "lsfd -p $P | tail -n 8"
  run "ls /proc/$P/fd | wc -l"; sleep 5; run "ls /proc/$P/fd | wc -l"; fence; } > $D/transcript.md
kill $P; wait
