#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/billing; mkdir -p $W && cd $W
setsid "$HERE/clean.sh" python3 "$HERE/fakedb.py" 19307 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" prlimit --nofile=1024:1024 python3 "$HERE/billing.py" 19307 </dev/null >$W/billing.log 2>&1 &
sleep 4; P=$(pgrep -f 'billing.py 19307'); D=$(pgrep -f 'fakedb.py 19307')
{ run "pgrep -af billing"
  for i in 1 2 3; do run "date; ls /proc/$P/fd | wc -l"; [ $i -lt 3 ] && sleep 10; done
  run "grep 'open files' /proc/$P/limits"
  run "ss -tnp state established '( dport = :19307 )' | grep -c 'pid=$P,'"
  run "ls -l /proc/$P/fd"; } > "$HERE/screen.txt" 2>&1
kill $P $D
