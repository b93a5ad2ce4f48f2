#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf '[root@spool01 ~]# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/spoold; mkdir -p $W
setsid "$HERE/clean.sh" perl "$HERE/spoold.pl" $W </dev/null >/dev/null 2>&1 &
sleep 5; P=$(pgrep -f 'spoold.pl /tmp/cm239')
{ run "ps -o pid,etime,cmd -p $P"
  for i in 1 2 3 4; do run "date +%T; lsof -p $P | wc -l"; [ $i -lt 4 ] && sleep 30; done
  run "lsof -p $P | tail -6"
  run "cat /proc/$P/limits | grep -i 'open files'"; } > "$HERE/screen.txt" 2>&1
kill $P
