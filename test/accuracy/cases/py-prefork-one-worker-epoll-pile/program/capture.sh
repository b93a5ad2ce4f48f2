#!/bin/bash
# Runs epolld.py (master + 6 forked workers) under ulimit -n 1024 and captures what on-call ran:
# pgrep, ps --ppid, a count loop over every epolld process twice a minute apart, lsof -c of all of
# them, /proc/PID/limits of the biggest one, the service log's tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/epolld; rm -rf "$W"; mkdir -p "$W"; cd "$W"
mkdir -p /srv/acc186/bin && ln -sf "$(readlink -f "$(python3 -c 'import sys; print(sys.executable)')")" /srv/acc186/bin/epolld   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
/srv/acc186/bin/epolld "$HERE/epolld.py" "$W/epolld.log" </dev/null >/dev/null 2>&1 & M=$!
sleep 15
run() { echo "root@poll-2:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a epolld"
run "ps -o pid,ppid,nlwp,etime,cmd --ppid $M"
run 'for p in $(pgrep -f epolld.py); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 60
run 'for p in $(pgrep -f epolld.py); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "lsof -n -P -c epolld"
BIG=$(for p in $(pgrep -f epolld.py); do echo "$(ls /proc/$p/fd | wc -l) $p"; done | sort -rn | head -1 | cut -d' ' -f2)
run "cat /proc/$BIG/limits"
run "tail -5 $W/epolld.log"
} > "$HERE/screen.txt"
pkill -P $M; kill $M
