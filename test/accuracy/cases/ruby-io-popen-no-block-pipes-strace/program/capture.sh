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

# 5 ruby IO.popen without block
D=$C/ruby-io-popen-no-block-pipes-strace; mkdir -p $D
prlimit --nofile=256:256 ruby $HERE/popen.rb > $W/poller.log 2>&1 & P=$!
sleep 2
{ echo "kernel-poller.rb (pid $P) fd count climbing"; echo; fence; run "ls /proc/$P/fd | wc -l"; sleep 1; run "ls /proc/$P/fd | wc -l"
  run "timeout 0.3 strace -f -tt -e trace=pipe2,close,clone,clone3,wait4 -p $P 2>&1 | head -n 25"; fence; } > $D/transcript.md
kill $P
