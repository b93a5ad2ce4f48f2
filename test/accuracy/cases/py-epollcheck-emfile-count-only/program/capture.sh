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
prlimit --nofile=256:256 python3 $HERE/epollcheck.py > $W/epollcheck.log 2>&1 & P=$!
sleep 6
{ echo "health checker epollcheck (pid $P) reports every probe failed"; echo; fence
  run "tail -n 2 $W/epollcheck.log"
  run "ls /proc/$P/fd | wc -l"
  run "grep 'open files' /proc/$P/limits"; fence; } > $D/transcript.md
kill $P; wait
