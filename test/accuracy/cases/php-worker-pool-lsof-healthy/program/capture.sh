#!/bin/bash
# Runs broker.py and 5 php workers; on-call: file-nr, pgrep, lsof -n -P +c0 -p all, prlimit each, file-nr a minute later
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/pool; rm -rf "$W"; mkdir -p "$W/jobs"
for j in 0 1 2 3 4; do echo "{\"job\":$j}" > "$W/jobs/job-$j.json"; done
python3 "$HERE/broker.py" </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
PIDS=()
for i in 1 2 3 4 5; do php "$HERE/worker.php" $i </dev/null >/dev/null 2>&1 & PIDS+=($!); done
sleep 8
run() { echo "root@jobs-1:~# $1"; bash -c "$1" 2>&1; }
L=$(IFS=,; echo "${PIDS[*]}")
{
run "cat /proc/sys/fs/file-nr"
run "pgrep -a php"
run "lsof -n -P +c0 -p $L"
for p in "${PIDS[@]}"; do run "prlimit -n --pid $p"; done
sleep 60
run "cat /proc/sys/fs/file-nr"
run "pgrep php | while read p; do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
} > "$HERE/screen.txt"
kill "${PIDS[@]}" $SRV
cat "$HERE/screen.txt" | head -20
