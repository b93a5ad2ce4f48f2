#!/bin/bash
# statsd.pl started by a /bin/sh wrapper that execs it. Captures: ps of the pid the wrapper was
# started as, counts three times, its whole ls -l fd, its limits. Connections made with bash's /dev/tcp.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='[root@metrics-3 ~]#'
mkdir -p /srv/acc267/bin /srv/acc267/statsd; cp "$HERE/statsd.pl" "$HERE/run-statsd.sh" /srv/acc267/bin/; chmod +x /srv/acc267/bin/run-statsd.sh
setsid /srv/acc267/bin/run-statsd.sh </dev/null >/dev/null 2>&1 & P=$!
sleep 3
for i in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/18267; head -1 <&3 >/dev/null) ; done
{
run "ps -o pid,ppid,cmd -p $P"
run 'for p in $(pgrep -f statsd); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 4
run 'for p in $(pgrep -f statsd); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 4
run 'for p in $(pgrep -f statsd); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "ls -l /proc/$P/fd"
run "grep 'Max open files' /proc/$P/limits"
} > "$HERE/screen.txt"
kill $P; true
