#!/bin/bash
# Runs archiver.sh under `ulimit -n 256`; then the on-call's ls -l /proc/PID/fd and the journal
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
rm -rf /srv/r310/archive; mkdir -p /srv/r310/archive
LOG=/tmp/r310-work/shlog/archiver.err
( ulimit -n 256; exec bash "$HERE/archiver.sh" </dev/null >/dev/null 2>"$LOG" ) & PID=$!
sleep 12
T=$(date -u +"%b %d %H:%M:%S")
run() { echo "root@arch1:~# $1"; bash -c "$1" 2>&1; }
{
echo "root@arch1:~# journalctl -u archiver -n 4 --no-pager"
tail -4 "$LOG" | sed "s/^/$T arch1 archiver.sh[$PID]: /"
run "ls -l /proc/$PID/fd"
} > "$HERE/screen.txt"
kill $PID
