#!/bin/bash
# agentc reconnects to unixd per request without closing; unixd hangs up after each answer; on-call: ss -xp
set -u; HERE=$(cd "$(dirname "$0")" && pwd); B=/tmp/w223
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null; done
S=/tmp/w223/c3/agent.sock
$B/unixd $S close </dev/null >/dev/null 2>&1 & SRV=$!
sleep 0.5
$B/agentc $S </dev/null >/dev/null 2>&1 & PID=$!
sleep 10
run() { echo "deploy@app7:~\$ sudo $1"; bash -c "$1" 2>&1; }
{
run "ss -xp | grep agentc | tail -6"
run "ss -xp | grep -c agentc"
} > "$HERE/screen.txt"
kill $PID $SRV
