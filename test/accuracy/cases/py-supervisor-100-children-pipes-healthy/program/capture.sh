#!/bin/bash
# Runs pool.py (supervisor + 100 cat children, ulimit -n 1024); captures: the supervisor's count
# and its children's counts twice a minute apart, ps --ppid | wc -l, lsof -n -P -p of the
# supervisor, its limits, file-nr.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc186/piped; rm -rf "$W"; mkdir -p "$W"; cd "$W"
mkdir -p /srv/acc186/bin && ln -sf "$(readlink -f "$(python3 -c 'import sys; print(sys.executable)')")" /srv/acc186/bin/piped   # its own executable name: lsof -c and comm pick exactly it
ulimit -n 1024
/srv/acc186/bin/piped "$HERE/pool.py" "$W/piped.log" </dev/null >/dev/null 2>&1 & M=$!
sleep 10
run() { echo "root@filt-1:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -o pid= --ppid $M | wc -l"
run "ls /proc/$M/fd | wc -l"
run "for p in \$(pgrep -P $M); do echo \"\$p \$(ls /proc/\$p/fd | wc -l)\"; done | awk '{print \$2}' | sort | uniq -c"
sleep 60
run "ls /proc/$M/fd | wc -l"
run "for p in \$(pgrep -P $M); do echo \"\$p \$(ls /proc/\$p/fd | wc -l)\"; done | awk '{print \$2}' | sort | uniq -c"
run "lsof -n -P -p $M"
run "cat /proc/$M/limits | grep -i 'open files'"
run "cat /proc/sys/fs/file-nr"
} > "$HERE/screen.txt"
pkill -P $M; kill $M
