#!/bin/bash
# Runs supervise.py (supervisor + 3 workers, ulimit -n 1024); captures: ps --ppid of the
# supervisor, the count loop over supervise.py processes twice a minute apart, the tail of
# ls -l of the supervisor's fd folder, its limits.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/superv; rm -rf "$W"; mkdir -p "$W"; cd "$W"
mkdir -p /srv/acc186/bin && ln -sf "$(readlink -f "$(python3 -c 'import sys; print(sys.executable)')")" /srv/acc186/bin/superv   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
/srv/acc186/bin/superv "$HERE/supervise.py" </dev/null >/dev/null 2>&1 & M=$!
sleep 15
run() { echo "ops@batch-4:~\$ $1"; bash -c "$1" 2>&1; }
{
run "ps -o pid,ppid,nlwp,etime,cmd --ppid $M"
run 'for p in $(pgrep -f supervise.py); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 60
run 'for p in $(pgrep -f supervise.py); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "ls -l /proc/$M/fd | tail -15"
run "grep 'Max open files' /proc/$M/limits"
} > "$HERE/screen.txt"
pkill -P $M; kill $M
