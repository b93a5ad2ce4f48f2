#!/bin/bash
# reportd under a 1024-fd limit for ~10 s; a cleanup job deletes all hourly logs but the newest 3;
# then lsof +L1, du, df. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/var/log/reportd; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=1024:1024 python3 "$HERE/reportd.py" "$W" </dev/null >/dev/null 2>&1 & PID=$!
sleep 10
ls -1t "$W"/*.log | tail -n +4 | xargs rm -f    # the cleanup job
sleep 0.5
{
run "df -h /var/log"
run "du -sh /var/log/reportd"
run "ls -l /var/log/reportd"
run "lsof -a +L1 -p $PID"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
