#!/bin/bash
# Runs spoold.pl (parent + 5 forked children, ulimit -n 1024); captures: pgrep, ps --ppid, a per-pid
# tally of lsof rows of every spoold process, the count of deleted rows of the biggest, its limits,
# and the daemon's log tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/spoold; rm -rf "$W"; mkdir -p "$W/spool"; cd "$W"
mkdir -p /srv/acc186/bin && ln -sf "$(command -v perl)" /srv/acc186/bin/spoold   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
/srv/acc186/bin/spoold "$HERE/spoold.pl" "$W/spool" "$W/spoold.log" </dev/null >/dev/null 2>&1 & M=$!
sleep 40
run() { echo "[root@mx3 ~]# $1"; bash -c "$1" 2>&1; }
{
run "ps -o pid,ppid,nlwp,etime,cmd --ppid $M"
run "lsof -n -P -c spoold | awk '{print \$2}' | sort | uniq -c | sort -rn | head"
BIG=$(for p in $(pgrep -f spoold.pl); do echo "$(ls /proc/$p/fd | wc -l) $p"; done | sort -rn | head -1 | cut -d' ' -f2)
run "lsof -n -P -p $BIG | grep -c deleted"
run "lsof -n -P -p $BIG | grep deleted | tail -5"
run "cat /proc/$BIG/limits | grep -i files"
run "tail -4 $W/spoold.log"
} > "$HERE/screen.txt"
pkill -P $M; kill $M
