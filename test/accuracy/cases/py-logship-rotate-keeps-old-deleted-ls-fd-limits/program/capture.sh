#!/bin/bash
# Reproduces this case: runs the shipper on /var/log/r303-app/app.log under a 1024-fd limit,
# lets the app+logrotate loop rotate the log 60 times, then captures what an on-call engineer
# would: ls -l of the fd folder and the limits, and the shipper's own log. Kills what it
# started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
D=/var/log/r303-app; L=/var/log/r303-logship; OUT=${1:-$HERE/../bundle}
rm -rf "$D" "$L"; mkdir -p "$D" "$L" "$OUT"; : > "$D/app.log"
prlimit --nofile=1024:1024 python3 "$HERE/shipper.py" "$D/app.log" </dev/null >"$L/logship.log" 2>&1 & PID=$!
sleep 0.5
bash "$HERE/app_and_logrotate.sh" "$D" 60
sleep 0.5
ls -l /proc/$PID/fd > "$OUT/ls-l-proc-$PID-fd.txt"
cat /proc/$PID/limits > "$OUT/proc-$PID-limits.txt"
kill $PID; wait $PID 2>/dev/null
cp "$L/logship.log" "$OUT/logship.log"
rm -rf "$D" "$L"
