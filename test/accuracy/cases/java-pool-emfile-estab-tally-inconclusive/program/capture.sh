#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/ledger; mkdir -p $W && cd $W
javac -d $W "$HERE/Ledger.java"
setsid "$HERE/clean.sh" python3 "$HERE/fakedb.py" 19304 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" prlimit --nofile=512:512 java -Xmx64m -cp $W Ledger 19304 600 </dev/null >$W/ledger.log 2>&1 &
sleep 12; P=$(pgrep -f 'Ledger 19304'); D=$(pgrep -f 'fakedb.py 19304')
{ run "pgrep -af Ledger"
  run "cat $W/ledger.log"
  run "ls -l /proc/$P/fd | grep -c socket"
  run "ss -tanp | grep 'pid=$P,' | awk '{print \$1}' | sort | uniq -c"; } > "$HERE/screen.txt" 2>&1
kill $P $D
