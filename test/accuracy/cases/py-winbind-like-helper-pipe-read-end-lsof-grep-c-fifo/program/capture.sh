#!/bin/bash
# Runs idmapd.py under a 256-fd limit, then captures what on-call would type: a count of its FIFO
# rows in lsof, its open-files limit, the log's tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/idmapd; rm -rf "$W"; mkdir -p "$W"
cd "$W"
prlimit --nofile=256:256 python3 "$HERE/idmapd.py" "$W/idmapd.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 6
run() { echo "[root@dc1 ~]# $1"; bash -c "$1" 2>&1; }
{
echo '```'
run "lsof -p $PID | grep -c FIFO"
run "grep 'open files' /proc/$PID/limits"
run "tail -2 $W/idmapd.log"
echo '```'
} > "$HERE/../transcript.md"
kill $PID
cat "$HERE/../transcript.md"
