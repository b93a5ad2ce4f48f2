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

# 8 python http.client responses never read -> CLOSE_WAIT
D=$C/py-httpclient-unread-responses-close-wait-ss; mkdir -p $D
python3 -m http.server 40170 --bind 127.0.0.1 --directory $W > $W/srv.out 2>&1 & S=$!
sleep 1
prlimit --nofile=1024:1024 python3 $HERE/httpcw.py > $W/poller.out 2>&1 & P=$!
sleep 12
{ echo "status-poller (pid $P): errors after a while"; echo; fence; run "tail -n 3 $W/poller.out"; run "ss -tanp | grep pid=$P, | awk '{print \$1}' | sort | uniq -c"; run "ss -tanp | grep pid=$P, | head -n 4"; run "grep 'open files' /proc/$P/limits"; fence; } > $D/transcript.md
kill $P; kill $S
