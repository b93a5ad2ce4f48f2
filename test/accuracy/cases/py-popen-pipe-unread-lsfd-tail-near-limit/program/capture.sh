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

# 1 python popen pipes
D=$C/py-popen-pipe-unread-lsfd-tail-near-limit; mkdir -p $D
prlimit --nofile=1024:1024 python3 $HERE/popen.py $W/thumbworker.log & P=$!
sleep 9
{ echo "thumbworker stopped producing thumbnails, log below. pid is $P"; echo; fence
  run "tail -n 12 $W/thumbworker.log"; run "prlimit --pid $P --nofile"; run "lsfd -p $P | tail -n 15"; run "ls /proc/$P/fd | wc -l"; fence; } > $D/transcript.md
kill $P
