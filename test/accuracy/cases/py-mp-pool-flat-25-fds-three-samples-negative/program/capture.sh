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

# 6 python pool negative
D=$C/py-mp-pool-flat-25-fds-three-samples-negative; mkdir -p $D
python3 $HERE/pool.py > $W/pool.out 2>&1 & P=$!
sleep 1
{ echo "batch runner pid $P: suspected fd leak in multiprocessing; three samples"; echo; fence
  for i in 1 2 3; do run "date +%T; ls /proc/$P/fd | wc -l"; sleep 4.5; done
  run "ls -l /proc/$P/fd"; run "grep 'Max open files' /proc/$P/limits"; run "tail -n 3 $W/pool.out"; fence; } > $D/transcript.md
kill $P
