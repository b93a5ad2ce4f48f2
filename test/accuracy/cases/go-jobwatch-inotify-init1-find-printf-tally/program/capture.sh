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
rm -rf /tmp/w213/go-spool; mkdir -p $W/jobwatch && cp $HERE/main.go $W/jobwatch/ && (cd $W/jobwatch && { [ -f go.mod ] || go mod init jobwatch >/dev/null 2>&1; } && go build -o $W/jobwatch.bin .)
prlimit --nofile=100:100 $W/jobwatch.bin > $W/jobwatch.log 2>&1 & P=$!
sleep 9
{ echo "jobwatch stopped picking up jobs; log:"; echo; fence
  run "tail -n 3 $W/jobwatch.log"
  run "cat /proc/sys/fs/inotify/max_user_instances"
  run "find /proc/*/fd -lname anon_inode:inotify -printf '%h\n' 2>/dev/null | sort | uniq -c | sort -rn | head -5"
  run "ps -o pid,comm -p $P"; fence; } > $D/transcript.md
kill $P; wait
