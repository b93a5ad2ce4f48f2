#!/bin/sh
# Runs prefork (1 master, 6 workers, 300 segments each, limit 1024); a per-pid tally of its
W=/tmp/cap168; D=$(dirname "$0"); B=$D/../bundle; mkdir -p $W/bin $B
gcc -O2 -o $W/bin/prefork $D/prefork.c
(ulimit -n 1024; exec $W/bin/prefork > $W/prefork.log 2>&1) & PID=$!
sleep 3
{ echo '$ lsof -n -c prefork | awk '"'"'{print $2}'"'"' | sort | uniq -c'
  lsof -n -c prefork 2>/dev/null | awk '{print $2}' | sort | uniq -c; } > $B/lsof-tally.txt
for n in 1 2; do
  { echo '$ for p in $(pgrep -x prefork); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
    for p in $(pgrep -x prefork); do echo "$p $(ls /proc/$p/fd | wc -l)"; done; } > $B/fd-counts-$n.txt
  sleep 5
done
cat /proc/sys/fs/file-nr > $B/file-nr.txt
W1=$(pgrep -P $PID | head -1)
cat /proc/$W1/limits > $B/limits-$W1.txt
cp $W/prefork.log $B/prefork.log
kill $(pgrep -P $PID) $PID
