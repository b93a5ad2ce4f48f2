#!/bin/bash
# Runs this case's program and writes transcript.md as an on-call engineer pasted it (partial evidence on purpose).
set -u
# Start the programs with stdin/stdout/stderr only (the sandbox shell keeps fds of its own).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# run CMD...: print a prompt line and the command's output, as pasted into a ticket
run() { echo "\$ $*"; bash -c "$*" 2>&1; }
fence() { echo '```'; }
HERE=$(cd "$(dirname "$0")" && pwd)
D=$(dirname "$HERE")
W=/var/lib/acc287/jobs; rm -rf $W; mkdir -p $W
prlimit --nofile=256:256 ruby $HERE/jobs.rb $W > /var/lib/acc287/jobs.log 2>&1 & P=$!
sleep 8
{ echo "jobs.rb worker stopped finishing jobs, pid $P. what I grabbed:"; echo; fence
  run "ls /proc/$P/fd | wc -l"; sleep 2; run "ls /proc/$P/fd | wc -l"
  run "ls -l /proc/$P/fd | tail -5"
  run "grep 'open files' /proc/$P/limits"
  run "tail -3 /var/lib/acc287/jobs.log"; fence; } > $D/transcript.md
kill $P
