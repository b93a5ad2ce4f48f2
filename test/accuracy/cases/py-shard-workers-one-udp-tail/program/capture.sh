#!/bin/bash
# Runs shardd.py (master + 4 forked shards, ulimit -n 1024); after a minute captures the two
# commands on-call pasted: the count loop over shardd processes, the tail of lsof of the biggest.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/shardd; rm -rf "$W"; mkdir -p "$W"; cd "$W"
mkdir -p /srv/acc186/bin && ln -sf "$(readlink -f "$(python3 -c 'import sys; print(sys.executable)')")" /srv/acc186/bin/shardd   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
/srv/acc186/bin/shardd "$HERE/shardd.py" </dev/null >/dev/null 2>&1 & M=$!
sleep 60
run() { echo "\$ $1"; bash -c "$1" 2>&1; }
{
run 'for p in $(pgrep -f shardd.py); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
BIG=$(for p in $(pgrep -f shardd.py); do echo "$(ls /proc/$p/fd | wc -l) $p"; done | sort -rn | head -1 | cut -d' ' -f2)
run "lsof -n -P -p $BIG | tail -12"
} > "$HERE/screen.txt"
pkill -P $M; kill $M
