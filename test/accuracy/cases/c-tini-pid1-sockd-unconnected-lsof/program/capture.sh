#!/bin/bash
# sockd under tini as pid 1 of a new pid namespace (unshare --fork --pid --mount-proc), ulimit -n 1024.
# Captures from the host: pstree -p of unshare, counts per process, lsof -p of sockd, its limits.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='root@edge-2:~#'
mkdir -p /srv/acc267/bin; gcc -O2 -o /srv/acc267/bin/sockd "$HERE/sockd.c"
ulimit -n 1024
setsid unshare --fork --pid --mount-proc tini -- /srv/acc267/bin/sockd </dev/null >/dev/null 2>&1 & U=$!
sleep 12
T=$(pgrep -P $U); S=$(pgrep -P $T)
{
run "pstree -p $U"
run 'for p in $(pgrep -f "tini|sockd"); do echo "$p $(cat /proc/$p/comm) $(ls /proc/$p/fd | wc -l)"; done'
run "lsof -p $S"
run "grep 'Max open files' /proc/$S/limits"
} > "$HERE/screen.txt"
kill $S; sleep 1; kill $U 2>/dev/null; true
