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
python3 $HERE/confwatch.py > $W/confwatch.log 2>&1 & P=$!
sleep 3
for i in 1 2 3; do touch /tmp/w213/conf/a/x$i /tmp/w213/conf/c/y$i; done
sleep 1
{ echo "is confwatch (pid $P) leaking inotify instances? we hit max_user_instances on this box last week"; echo; fence
  run "cat /proc/sys/fs/inotify/max_user_instances"
  run "find /proc/$P/fd -lname 'anon_inode:inotify' | wc -l"
  run "ls -l /proc/$P/fd"
  run "grep 'open files' /proc/$P/limits"; fence; } > $D/transcript.md
kill $P; wait
