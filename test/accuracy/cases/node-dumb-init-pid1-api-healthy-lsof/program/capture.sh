#!/bin/bash
# api.js under dumb-init as pid 1 of a new pid namespace. 50 requests with curl, then: ps of the
# tree, counts per process twice, lsof -p of dumb-init and of node, node's limits.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='root@web-4:/#'
mkdir -p /srv/acc267/api; cp "$HERE/api.js" /srv/acc267/api/
ulimit -n 65536
setsid unshare --fork --pid --mount-proc dumb-init node /srv/acc267/api/api.js </dev/null >/dev/null 2>&1 & U=$!
sleep 3
for i in $(seq 1 50); do curl -s http://127.0.0.1:18268/ >/dev/null; done
D=$(pgrep -P $U); N=$(pgrep -P $D)
{
run "ps -o pid,ppid,cmd -p $U,$D,$N"
run 'for p in $(pgrep -f "dumb-init|api.js"); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 5
run 'for p in $(pgrep -f "dumb-init|api.js"); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "lsof -p $D"
run "lsof -p $N"
run "grep 'Max open files' /proc/$N/limits"
} > "$HERE/screen.txt"
kill $N; sleep 1; kill $U 2>/dev/null; true
