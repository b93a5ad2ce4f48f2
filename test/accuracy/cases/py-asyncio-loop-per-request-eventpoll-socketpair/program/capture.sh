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

# 2 python asyncio loop per request
D=$C/py-asyncio-loop-per-request-eventpoll-socketpair; mkdir -p $D
prlimit --nofile=512:512 python3 $HERE/loops.py > $W/loops.out 2>&1 & P=$!
sleep 6
{ echo "api worker (pid $P) keeps failing requests"; echo; fence; run "cat /proc/$P/limits | grep -i 'open files'"; run "ls -l /proc/$P/fd | head -n 20"; run "ls -l /proc/$P/fd | tail -n 10"; run "ls /proc/$P/fd | wc -l"; run "ss -xp | grep -c pid=$P,"; run "cat /proc/$P/fdinfo/\$(ls -l /proc/$P/fd | awk '/eventpoll/{print \$9; exit}')"; run "tail -n 3 $W/loops.out"; fence; } > $D/transcript.md
kill $P
