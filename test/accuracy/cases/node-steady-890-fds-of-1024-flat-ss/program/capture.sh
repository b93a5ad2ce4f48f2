#!/bin/bash
# Runs this case's program and writes transcript.md as an on-call engineer pasted it (partial evidence on purpose).
set -u
# Start the programs with stdin/stdout/stderr only (the sandbox shell keeps fds of its own).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# run CMD...: print a prompt line and the command's output, as pasted into a ticket
run() { echo "\$ $*"; bash -c "$*" 2>&1; }
HERE=$(cd "$(dirname "$0")" && pwd)
C=$(dirname "$(dirname "$HERE")")
W=/tmp/accn169; rm -rf $W; mkdir -p $W; cd $W
fence() { echo '```'; }

# 7 node steady 900 of 1024
D=$C/node-steady-890-fds-of-1024-flat-ss; mkdir -p $D
prlimit --nofile=1024:1024 node $HERE/steady.js > $W/steady.out 2>&1 & P=$!
sleep 3
{ echo "gateway pid $P at ~900 fds, limit 1024. leak? samples:"; echo; fence
  for i in 1 2 3; do run "date +%T; ls /proc/$P/fd | wc -l"; sleep 2; done
  run "prlimit --pid $P --nofile"; run "ss -tanp | grep -c pid=$P,"; run "ss -tanp state established | grep pid=$P, | head -n 5"; run "tail -n 2 $W/steady.out"; fence; } > $D/transcript.md
kill $P
