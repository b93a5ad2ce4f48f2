#!/bin/bash
# php worker under ulimit -n 200, its stderr (where the CLI logs errors) to a file; on-call: the target tally, limits, the error log tail
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/php; mkdir -p $W/jobs $W/log
for j in 0 1 2 3 4; do echo "{\"job\":$j}" > $W/jobs/job-$j.json; done
( ulimit -n 200; exec php -d log_errors=1 -d display_errors=0 $HERE/worker.php $W/log/audit.log $W/jobs ) </dev/null >/dev/null 2>>$W/log/php-worker.err & P=$!
sleep 36
run() { echo "deploy@web-7:~\$ $1"; bash -c "sudo() { \"\$@\"; }; $1" 2>&1; }
{
run "pgrep -a php"
run "sudo ls -l /proc/$P/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head -4"
run "sudo cat /proc/$P/limits | grep -i files"
run "tail -n 2 $W/log/php-worker.err"
} > $HERE/screen.txt
kill $P
