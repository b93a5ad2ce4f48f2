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
gcc -O1 -o $W/sigwaiter $HERE/sigwaiter.c
prlimit --nofile=256:256 $W/sigwaiter > $W/sigwaiter.log 2>&1 & P=$!
sleep 4
{ echo "sigwaiter (pid $P) refuses connections"; echo; fence
  run "prlimit -p $P --nofile"
  run "ls -l /proc/$P/fd | tail -n 6"
  run "cat /proc/$P/fdinfo/200"
  run "cat /proc/$P/fdinfo/201"
  run "tail -n 2 $W/sigwaiter.log"; fence; } > $D/transcript.md
kill $P; wait
