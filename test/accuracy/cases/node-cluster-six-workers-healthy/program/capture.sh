#!/bin/bash
# Runs web.cjs (primary + 6 cluster workers, ulimit -n 1024) with a trickle of requests; captures:
# file-nr, ps --ppid of the primary, the count loop over web.cjs processes twice a minute apart,
# lsof -n -P of all seven, one worker's limits.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/web; rm -rf "$W"; mkdir -p "$W"; cd "$W"
echo '{"greeting":"hello"}' > "$W/web.json"
mkdir -p /srv/acc186/bin && ln -sf "$(command -v node)" /srv/acc186/bin/webd   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
/srv/acc186/bin/webd "$HERE/web.cjs" "$W/web.json" "$W/web.log" </dev/null >/dev/null 2>&1 & M=$!
sleep 3
bash "$HERE/load.sh" </dev/null >/dev/null 2>&1 & L=$!
sleep 10
run() { echo "root@web-3:~# $1"; bash -c "$1" 2>&1; }
{
run "cat /proc/sys/fs/file-nr"
run "ps -o pid,ppid,nlwp,etime,cmd --ppid $M"
run 'for p in $(pgrep -f web.cjs); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 60
run 'for p in $(pgrep -f web.cjs); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run 'lsof -n -P -p $(pgrep -d, -f web.cjs)'
W1=$(pgrep -P $M | head -1)
run "grep 'Max open files' /proc/$W1/limits"
} > "$HERE/screen.txt"
kill $L; pkill -P $M; kill $M
