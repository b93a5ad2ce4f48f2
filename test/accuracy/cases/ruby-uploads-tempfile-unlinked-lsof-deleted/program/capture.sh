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
S=/var/lib/acc287/uploads; rm -rf $S; mkdir -p $S
ruby $HERE/uploads.rb $S > /dev/null 2>&1 & P=$!
sleep 10
{ echo "disk on /var/lib keeps filling but du shows the uploads folder empty. upload worker is pid $P"; echo; fence
  run "du -sh $S"
  run "lsof -nP -p $P | grep -c deleted"; sleep 3; run "lsof -nP -p $P | grep -c deleted"
  run "lsof -nP -p $P | grep deleted | tail -4"; fence; } > $D/transcript.md
kill $P
