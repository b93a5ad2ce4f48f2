#!/bin/bash
# Runs dispd.py with two slow hook scripts (a route script that waits, a VPN hook that sleeps),
# six events: twelve hook processes. Then pastes what an on-call engineer typed. Stops everything.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r314-work/dispd; rm -rf "$W"; mkdir -p "$W/hooks"
printf '#!/bin/sh\nsleep 120\n' > "$W/hooks/10-routes"
printf '#!/bin/sh\nsleep 120\n' > "$W/hooks/50-vpn"
chmod +x "$W/hooks/"*
python3 "$HERE/dispd.py" "$W" 6 </dev/null >/dev/null 2>&1 & PID=$!
sleep 3
run() { echo "root@desk:~# $1"; bash -c "$1" 2>&1; }
KIDS=$(pgrep -P $PID | head -2 | tr '\n' ' ')
{
run "ps -f --ppid $PID -p $PID"
run "ls -l /proc/$PID/fd"
for k in $KIDS; do run "ls -l /proc/$k/fd"; done
} > "$W/screen.txt"
for k in $(pgrep -P $PID); do pkill -P $k; kill $k; done
kill $PID; wait $PID 2>/dev/null
echo "pid $PID"
