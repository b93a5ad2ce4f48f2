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
ruby $HERE/quotesrv.rb > /dev/null 2>&1 & Q=$!
sleep 1
ruby $HERE/relay.rb > /var/lib/acc287/quotes.log 2>&1 & P=$!
sleep 8
{ echo "quote fetcher (pid $P) fd count keeps going up"; echo; fence
  run "ls /proc/$P/fd | wc -l"
  run "lsof -nP -a -p $P -i | tail -4"
  run "lsof -nP -a -p $P -i | grep -c CLOSE_WAIT"
  run "timeout 0.4 strace -f -e trace=socket,connect,close -p $P 2>&1 | head -12"
  run "ls /proc/$P/fd | wc -l"; fence; } > $D/transcript.md
kill $P $Q
