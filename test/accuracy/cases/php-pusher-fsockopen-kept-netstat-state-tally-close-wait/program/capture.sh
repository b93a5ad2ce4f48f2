#!/bin/bash
# relay + pusher.php (limit 1024); on-call: netstat state tally of php's rows, pidof, the count
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/phpcw
python3 $HERE/server.py 18825 </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
( ulimit -n 1024; exec php $HERE/pusher.php 18825 ) </dev/null >/dev/null 2>>$W/pusher.err & P=$!
sleep 40
run() { echo "[root@notify-1 ~]# $1"; bash -c "$1" 2>&1; }
{
run "pidof php"
run "netstat -tnp | grep php | awk '{print \$6}' | sort | uniq -c"
run "ls /proc/$P/fd | wc -l"
} > $HERE/screen.txt
kill $P $SRV
