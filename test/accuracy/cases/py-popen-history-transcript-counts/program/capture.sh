#!/bin/bash
# Reproduces this case's capture: runs the job runner, then types the commands an on-call engineer
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/jobrunner
rm -rf "$W"; mkdir -p "$W"
cd "$W"
prlimit --nofile=1024:1024 python3 "$HERE/jobrunner.py" "$W/jobrunner.log" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 40   # ~510 jobs fill the 1,024 fds after ~30 s; every job fails after that
run() { printf '[root@app-03 ~]# %s\n' "$1"; bash -c "$1" 2>&1 || true; }
{
  run 'for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) $p"; done | sort -n | tail -4'
  run "ls -l /proc/$SVC/fd | grep -c pipe"
  run "cat /proc/$SVC/limits | grep -i 'open files'"
  run "tail -n 3 $W/jobrunner.log"
} > "$CASE/transcript.md"
kill $SVC; wait || true
echo "jobrunner pid $SVC"; rm -rf "$W"
