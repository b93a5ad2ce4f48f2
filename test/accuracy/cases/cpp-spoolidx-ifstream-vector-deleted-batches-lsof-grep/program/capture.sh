#!/bin/bash
# Runs spoolidx and a producer that drops 64 KiB batch files; on-call: lsof | grep deleted, ls | wc -l
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
S=/srv/r310/spool/incoming; rm -rf /srv/r310/spool; mkdir -p $S
( ulimit -n 1024; exec "$HERE/spoolidx" </dev/null >/dev/null 2>/dev/null ) & PID=$!
for i in $(seq 1 340); do head -c 65536 /dev/urandom > "$S/.b$i"; mv "$S/.b$i" "$(printf '%s/batch-%06d.dat' $S $((9100 + i)))"; sleep 0.02; done
sleep 2
run() { echo "[ops@idx3 ~]\$ sudo $1"; bash -c "$1" 2>&1; }
{
run "lsof -p $PID | grep deleted | wc -l"
run "lsof -p $PID | grep deleted | head -5"
run "ls /proc/$PID/fd | wc -l"
} > "$HERE/screen.txt"
kill $PID
