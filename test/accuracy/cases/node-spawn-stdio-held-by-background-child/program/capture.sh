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

# 3 node spawn stdio never destroyed
D=$C/node-spawn-stdio-held-by-background-child; mkdir -p $D
prlimit --nofile=1024:1024 node $HERE/spawn.js > $W/spawn.out 2>&1 & P=$!
sleep 8
{ echo "node job-runner pid $P, \"spawn EMFILE\" in the output"; echo; fence; run "tail -n 4 $W/spawn.out"; run "prlimit --pid $P"; run "ls -l /proc/$P/fd | awk '{print \$NF}' | sed 's/:\\[.*//' | sort | uniq -c | sort -rn"; run "ss -xp | grep -c pid=$P,"; fence; } > $D/transcript.md
kill $P
