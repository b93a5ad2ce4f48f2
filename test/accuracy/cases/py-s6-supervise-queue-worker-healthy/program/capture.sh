#!/bin/bash
# queue_worker.py under s6-supervise (run script execs python3). 200 jobs dropped into its spool.
# Captures: s6-svstat, ps of s6-supervise and its child, ls -l fd of both, counts twice, limits.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='root@queue-2:~#'
S=/srv/acc267/s6/qw; rm -rf $S /srv/acc267/qw; mkdir -p $S /srv/acc267/qw/spool; cp "$HERE/queue_worker.py" /srv/acc267/qw/
printf '#!/bin/sh\nexec 2>&1\nexec /usr/bin/python3 /srv/acc267/qw/queue_worker.py\n' > $S/run; chmod +x $S/run
ulimit -n 1024
setsid s6-supervise $S </dev/null >/dev/null 2>&1 & P=$!
sleep 2
for i in $(seq 1 200); do echo "job $i" > /srv/acc267/qw/spool/job-$i.json; done
sleep 3
C=$(pgrep -P $P)
{
run "s6-svstat $S"
run "ps -o pid,ppid,cmd -p $P,$C"
run "ls -l /proc/$P/fd"
run "ls -l /proc/$C/fd"
run 'for p in $(pgrep -f "s6-supervise|queue_worker"); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 4
run 'for p in $(pgrep -f "s6-supervise|queue_worker"); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
run "grep 'Max open files' /proc/$C/limits"
} > "$HERE/screen.txt"
s6-svc -xd $S 2>/dev/null; sleep 2; kill $P 2>/dev/null; true
