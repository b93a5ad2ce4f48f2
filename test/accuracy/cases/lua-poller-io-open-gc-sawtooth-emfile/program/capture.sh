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
W=/var/lib/acc287/poller; rm -rf $W; mkdir -p $W; echo "interval=5" > $W/settings.conf
prlimit --nofile=256:256 lua5.4 $HERE/reader.lua $W/settings.conf $W/poller.log > /dev/null 2>&1 & P=$!
sleep 0.3
{ echo "lua settings poller (pid $P): fd count jumps around then it starts failing"; echo; fence
  run "for i in 1 2 3 4 5 6 7; do date +%T; ls /proc/$P/fd | wc -l; sleep 0.5; done"
  sleep 3
  run "ls -l /proc/$P/fd | tail -4"
  run "grep -i 'open files' /proc/$P/limits"
  run "tail -2 $W/poller.log"; fence; } > $D/transcript.md
kill $P
