#!/bin/bash
# Reproduces this case: runs hookd.php, sends it 12 hooks (each starts a background `sleep 300`),
# that screen. Stops hookd and the jobs it started. Run as root.
set -u
# Start with only stdin/stdout/stderr, as an init system would: the sandbox shell this runs
# under keeps a few fds of its own open (e.g. 10, 251), which hookd and its jobs would inherit.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc116/hookd; rm -rf "$W"; mkdir -p "$W"
php "$HERE/hookd.php" 8095 "$W/hookd.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
bash "$HERE/client.sh" 8095 12
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
{
run "ss -tlnp 'sport = :8095'"
run "ps -o pid,ppid,etime,cmd --ppid 1 | grep -E 'PID|sleep 300' | head -5"
run "ls -l /proc/\$(pgrep -n -x sleep)/fd"
} > "$W/screen.txt"
kill $PID
for p in $(pgrep -x sleep); do grep -q 8095 <(ss -tlnp 2>/dev/null | grep "pid=$p,") && kill $p; done
cat "$W/screen.txt"
