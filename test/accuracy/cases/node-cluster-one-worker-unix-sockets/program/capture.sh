#!/bin/bash
# Runs agent.py and relay.cjs (primary + 4 cluster workers, ulimit -n 1024); captures the two
# commands on-call pasted: the count loop over relay processes twice a minute apart, then ss -xp
# counted for the biggest worker, and its /proc/PID/limits.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/relay; rm -rf "$W"; mkdir -p "$W"; cd "$W"
mkdir -p /srv/acc186/bin && ln -sf "$(command -v node)" /srv/acc186/bin/relayw   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
python3 "$HERE/agent.py" "$W/agent.sock" </dev/null >/dev/null 2>&1 & A=$!
sleep 1
/srv/acc186/bin/relayw "$HERE/relay.cjs" "$W/relay.log" "$W/agent.sock" </dev/null >/dev/null 2>&1 & M=$!
sleep 15
run() { echo "deploy@edge-7:~\$ $1"; bash -c "$1" 2>&1; }
{
run 'for p in $(pgrep -f relay.cjs); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 60
run 'for p in $(pgrep -f relay.cjs); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
BIG=$(for p in $(pgrep -f relay.cjs); do echo "$(ls /proc/$p/fd | wc -l) $p"; done | sort -rn | head -1 | cut -d' ' -f2)
run "ss -xp | grep -c 'pid=$BIG,'"
run "grep 'open files' /proc/$BIG/limits"
} > "$HERE/screen.txt"
pkill -P $M; kill $M $A
