#!/bin/bash
# catalogd under a 4096-fd limit for ~12 s; counts, then a tally of its fds by link target. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/srv/catalogd; rm -rf "$W"; mkdir -p "$W"; head -c 4096 /dev/urandom > "$W/cache.db"
prlimit --nofile=4096:4096 node "$HERE/catalogd.js" "$W/cache.db" </dev/null >/dev/null 2>&1 & PID=$!
sleep 6
{
run "pgrep -af catalogd"
run "ls /proc/$PID/fd | wc -l"
sleep 6; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
