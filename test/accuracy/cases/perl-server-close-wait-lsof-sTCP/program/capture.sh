#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/presenced; mkdir -p $W && cd $W
setsid "$HERE/clean.sh" prlimit --nofile=1024:4096 perl "$HERE/presenced.pl" 19305 </dev/null >$W/presenced.log 2>&1 &
sleep 1
setsid "$HERE/clean.sh" python3 "$HERE/pinger.py" 19305 </dev/null >/dev/null 2>&1 &
sleep 20; P=$(pgrep -f 'presenced.pl 19305'); S=$(pgrep -f 'pinger.py 19305')
{ run "lsof -nP -iTCP:19305 -sTCP:CLOSE_WAIT | head -6"
  run "lsof -nP -iTCP:19305 -sTCP:CLOSE_WAIT | wc -l"
  run "cat /proc/$P/limits | grep -i files"; } > "$HERE/screen.txt" 2>&1
kill $P $S
