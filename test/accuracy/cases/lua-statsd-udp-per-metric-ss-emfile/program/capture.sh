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
mkdir -p /var/lib/acc287
prlimit --nofile=256:256 lua5.4 $HERE/stats.lua 2> /var/lib/acc287/stats.err > /dev/null & P=$!
sleep 6
{ echo "metrics pusher (lua, pid $P) stopped sending, stderr full of errors"; echo; fence
  run "tail -2 /var/lib/acc287/stats.err"
  run "ss -uanp | grep pid=$P | head -3"
  run "ss -uanp | grep -c pid=$P"
  run "prlimit -n -p $P"; fence; } > $D/transcript.md
kill $P
