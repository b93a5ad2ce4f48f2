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
for g in echosrv echoclient; do mkdir -p $W/$g && cp $HERE/$g.go $W/$g/main.go && (cd $W/$g && { [ -f go.mod ] || go mod init $g >/dev/null 2>&1; } && go build -o $W/$g.bin .); done
$W/echosrv.bin > $W/echosrv.log 2>&1 & S=$!
sleep 1
$W/echoclient.bin > /dev/null 2>&1 & K=$!
sleep 5
{ echo "echosrv (pid $S) under load, checking for an fd leak"; echo; fence
  run "grep 'open files' /proc/$S/limits"
  run "ls /proc/$S/fd | wc -l"; sleep 3; run "ls /proc/$S/fd | wc -l"; sleep 3; run "ls /proc/$S/fd | wc -l"
  run "lsof -nP -p $S"; fence; } > $D/transcript.md
kill $K $S; wait
