#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/sessiond; mkdir -p $W && cd $W
rustc -O -o $W/sessiond "$HERE/sessiond.rs"
setsid "$HERE/clean.sh" python3 "$HERE/fakedb.py" 19306 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" prlimit --nofile=8192:8192 $W/sessiond 127.0.0.1:19306 </dev/null >$W/sessiond.log 2>&1 &
sleep 4; P=$(pgrep -f "$W/sessiond 127"); D=$(pgrep -f 'fakedb.py 19306')
{ run "pidof sessiond"
  run "for i in 1 2 3 4 5; do echo \"\$(date +%T) \$(ls /proc/$P/fd | wc -l)\"; sleep 4; done"
  run "prlimit --pid $P --nofile"
  run "netstat -tnp | grep '$P/sessiond' | awk '{print \$6}' | sort | uniq -c"; } > "$HERE/screen.txt" 2>&1
kill $P $D
