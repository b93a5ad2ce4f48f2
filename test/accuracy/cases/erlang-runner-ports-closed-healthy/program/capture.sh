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
W=/var/lib/acc287/runner; rm -rf $W; mkdir -p $W; cd $W
escript $HERE/healthy.escript $W > /dev/null 2>&1 & P=$!
sleep 3
{ echo "Is the runner VM leaking? It runs hundreds of external commands a second through ports. Checked for a minute:"; echo; fence
  run "ps -o pid,comm -p $P"
  run "for i in 1 2 3; do date +%T; ls /proc/$P/fd | wc -l; sleep 5; done"
  run "grep 'open files' /proc/$P/limits"
  run "lsof -nP -p $P"; fence; } > $D/transcript.md
kill $P
