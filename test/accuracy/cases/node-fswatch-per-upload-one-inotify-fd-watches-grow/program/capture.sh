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

# 4 node fs.watch per upload (one inotify fd per loop, watches grow)
D=$C/node-fswatch-per-upload-one-inotify-fd-watches-grow; mkdir -p $D
node $HERE/watch.js $W/uploads > $W/watch.out 2>&1 & P=$!
sleep 3
{ echo "upload-svc (pid $P): is fs.watch leaking file descriptors? two samples 5 s apart"; echo; fence
  run "ls -l /proc/$P/fd"; run "grep -c '^inotify' /proc/$P/fdinfo/\$(ls -l /proc/$P/fd | awk '/inotify/{print \$9; exit}')"
  sleep 5; run "ls /proc/$P/fd | wc -l"; run "grep -c '^inotify' /proc/$P/fdinfo/\$(ls -l /proc/$P/fd | awk '/inotify/{print \$9; exit}')"; run "grep 'open files' /proc/$P/limits"; fence; } > $D/transcript.md
kill $P
