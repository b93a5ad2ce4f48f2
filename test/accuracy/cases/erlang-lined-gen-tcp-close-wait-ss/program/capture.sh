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
escript $HERE/closewait.escript > /var/lib/acc287/lined.log 2>&1 & P=$!
sleep 1.5
ruby $HERE/client.rb > /dev/null 2>&1 & C=$!
sleep 8
kill $C
{ echo "lined (erlang) connections pile up"; echo; fence
  run "ss -tnp state close-wait | head -4"
  run "ss -tnp state close-wait | grep -c beam.smp"
  run "grep 'open files' /proc/$P/limits"
  run "ls /proc/$P/fd | wc -l"; fence; } > $D/transcript.md
kill $P
