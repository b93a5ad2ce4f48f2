#!/bin/bash
# Reproduces this case's capture: runs the watcher, then types the commands an on-call engineer
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/watchd
rm -rf "$W"; mkdir -p "$W"
gcc -O2 -Wall -o "$W/watchd" "$HERE/watchd.c"
cd "$W"
prlimit --nofile=1024:1024 "$W/watchd" "$W" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 40   # 128 watchers after ~26 s (the user's instances), then a failed reload every 0.2 s
run() { printf 'root@web-07:~# %s\n' "$1"; bash -c "$1" 2>&1 || true; }
{
  echo '```'
  run "find /proc/*/fd -lname anon_inode:inotify 2>/dev/null | cut -d/ -f3 | xargs -I '{}' -- ps --no-headers -o '%p %U %c' -p '{}' | uniq -c | sort -nr"
  run 'cat /proc/sys/fs/inotify/max_user_instances'
  run 'for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}"; done | sort -n | tail -5'
  run "grep 'open files' /proc/$SVC/limits"
  run "tail -n 4 $W/watchd.log"
  echo '```'
} > "$CASE/transcript.md"
kill $SVC; wait || true
echo "watchd pid $SVC"; rm -rf "$W"
