#!/bin/bash
# Runs metrics.php under a 512 limit until it fails; on-call: php error log tail, limits line, ss -uanp head and count
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/metrics; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=512:512 php -d display_errors=stderr -d log_errors=0 "$HERE/metrics.php" </dev/null >/dev/null 2>>"$W/metrics.err" & PID=$!
sleep 14
run() { echo "[root@shop-app2 ~]# $1"; bash -c "$1" 2>&1; }
{
run "tail -n 3 $W/metrics.err"
run "grep 'open files' /proc/$PID/limits"
run "ss -uanp | head -5"
run "ss -uanp | grep -c pid=$PID"
} > "$HERE/screen.txt"
kill $PID
cat "$HERE/screen.txt"
