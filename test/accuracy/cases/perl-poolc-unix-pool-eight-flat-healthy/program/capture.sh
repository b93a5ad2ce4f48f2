#!/bin/bash
# poolc keeps a fixed pool of 8 unix connections to unixd (keep mode); on-call: ss -xp | grep poolc, ls -l, count twice
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
S=/tmp/w223/c8/agent.sock
$B/unixd $S keep </dev/null >/dev/null 2>&1 & SRV=$!
sleep 0.5
(exec -a poolc perl $B/poolc.pl $S) </dev/null >/dev/null 2>&1 & PID=$!
sleep 4
run() { echo "ops@cache3:~\$ sudo $1"; bash -c "$1" 2>&1; }
{
run "ss -xp | grep poolc"
run "ls -l /proc/$PID/fd"
run "sleep 10; ls /proc/$PID/fd | wc -l"
} > "$HERE/screen.txt"
kill $PID $SRV
