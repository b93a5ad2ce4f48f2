#!/bin/bash
# Builds and runs cpref.c (master + 5 forked workers, ulimit -n 1024); captures: ps --ppid, the
# count loop over cpref processes twice a minute apart, lsof -c of every cpref process, the
# biggest one's limits, the log tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/cpref; rm -rf "$W"; mkdir -p "$W"; cd "$W"
mkdir -p /srv/acc186/bin && gcc -O1 -o /srv/acc186/bin/cpref "$HERE/cpref.c"
ulimit -n 1024
/srv/acc186/bin/cpref "$W/cpref.log" </dev/null >/dev/null 2>&1 & M=$!
sleep 15
run() { echo "root@px-1:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -o pid,ppid,nlwp,etime,cmd --ppid $M"
run 'for p in $(pgrep cpref); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 60
run 'for p in $(pgrep cpref); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "lsof -n -P -c cpref"
BIG=$(for p in $(pgrep cpref); do echo "$(ls /proc/$p/fd | wc -l) $p"; done | sort -rn | head -1 | cut -d' ' -f2)
run "cat /proc/$BIG/limits"
run "tail -3 $W/cpref.log"
} > "$HERE/screen.txt"
pkill -P $M; kill $M
