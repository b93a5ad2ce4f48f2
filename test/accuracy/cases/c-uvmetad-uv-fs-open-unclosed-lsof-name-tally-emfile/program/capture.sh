#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf '[ops@meta-1 ~]$ %s\n' "$1"; bash -c "$1" 2>&1; }
mkdir -p /tmp/r291/metad; echo '{"epoch":41}' > /tmp/r291/metad/state.json
prlimit --nofile=256:256 $B/uvmetad /tmp/r291/metad/state.json 2>$L/uvmetad.log </dev/null & P=$!
sleep 45
{ run "pidof uvmetad"
  run "ls -l /proc/$P/fd | tail -5"
  run "lsof -p $P | awk '{print \$NF}' | sort | uniq -c | sort -rn | head -5"
  run "grep -i 'open files' /proc/$P/limits"
  run "tail -2 $L/uvmetad.log"; } > "$HERE/screen.txt" 2>&1
kill $P
