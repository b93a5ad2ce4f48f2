#!/bin/bash
# cfgwatch.py under supervisord (nodaemon, minfds=256, ulimit -n 256). Captures: supervisorctl
# status, ps -ef --forest of the tree, counts per process, the program's stderr_logfile, a tally of
# cfgwatch's fd targets, its limits.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='root@cfg-1:~#'
W=/srv/acc267/cfgwatch; rm -rf $W; mkdir -p $W; cp "$HERE/cfgwatch.py" "$HERE/supervisord.conf" $W/; echo '{"ttl": 30}' > $W/config.json
rm -f /var/log/cfgwatch.err.log /var/log/cfgwatch.out.log
ulimit -n 256
setsid supervisord -c $W/supervisord.conf </dev/null >/dev/null 2>&1 & SV=$!
sleep 10
C=$(pgrep -f "python3 $W/cfgwatch.py")
{
run "supervisorctl -c $W/supervisord.conf status"
run "ps -ef --forest | grep -E 'supervisord|cfgwatch' | grep -v grep"
run 'for p in $(pgrep -f "supervisord|cfgwatch"); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "tail -n 4 /var/log/cfgwatch.err.log"
run "ls -l /proc/$C/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head -5"
run "grep 'Max open files' /proc/$C/limits"
} > "$HERE/screen.txt"
kill $SV; sleep 2; true
