#!/bin/bash
# Fills a deferred spool with 400 messages, runs qrunner.py under a 256-fd limit, then captures
# lsof -p PID (whole), /proc/PID/limits and the log's tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/qrunner; rm -rf "$W"; mkdir -p "$W/spool/deferred"
for i in $(seq -w 1 400); do printf 'From: a@example.org\nTo: b@example.net\n\nmsg %s\n' "$i" > "$W/spool/deferred/Q4F2A$i"; done
cd "$W"
prlimit --nofile=256:256 python3 "$HERE/qrunner.py" "$W/spool/deferred" "$W/qrunner.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 3
run() { echo "root@mx1:~# $1"; bash -c "$1" 2>&1; }
mkdir -p "$HERE/../bundle"
run "lsof -n -P -p $PID" > "$HERE/../bundle/lsof-p.txt"
run "cat /proc/$PID/limits" > "$HERE/../bundle/limits.txt"
run "tail -5 $W/qrunner.log" > "$HERE/../bundle/qrunner-log-tail.txt"
kill $PID
wc -l "$HERE"/../bundle/*; head -12 "$HERE/../bundle/lsof-p.txt"; tail -3 "$HERE/../bundle/lsof-p.txt"; cat "$HERE/../bundle/qrunner-log-tail.txt"
