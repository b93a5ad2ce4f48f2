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
javac -d $W $HERE/TaskRunner.java
cd $W; prlimit --nofile=1024:1024 java -Xmx64m -cp $W TaskRunner > $W/taskrunner.out 2>&1 & P=$!
sleep 10
{ echo "task runner (pid $P) fd count keeps going up"; echo; fence
  run "grep 'open files' /proc/$P/limits"
  run "ls /proc/$P/fd | wc -l"; sleep 3; run "ls /proc/$P/fd | wc -l"; sleep 3; run "ls /proc/$P/fd | wc -l"
  run "lsof -p $P | tail -n 12"; fence; } > $D/transcript.md
kill $P; wait
