#!/bin/bash
# Runs quoted.py and feeder.php; the on-call types: ss state close-wait | head, a count for php, prlimit, log tail
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/feeder; rm -rf "$W"; mkdir -p "$W"
python3 "$HERE/quoted.py" </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
php "$HERE/feeder.php" </dev/null >/dev/null 2>&1 & PID=$!
sleep 15
run() { echo "deploy@web4:~\$ $1"; bash -c "$1" 2>&1; }
{
run "ss -tnp state close-wait | head -6"
run "ss -tnp state close-wait | grep -c php"
run "prlimit -n --pid $PID"
run "tail -n 2 $W/feeder.log"
} > "$HERE/screen.txt"
kill $PID $SRV
cat "$HERE/screen.txt"
