#!/bin/bash
# loadmon.lua (limit 1024); on-call: fd targets tallied by their prefix, lsfd TYPE tally, prlimit
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/luapo
( ulimit -n 1024; exec lua5.4 $HERE/loadmon.lua $W/loadmon.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 40
run() { echo "admin@db-2:~$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a lua"
run "ls -l /proc/$P/fd | awk '{print \$NF}' | cut -d: -f1 | sort | uniq -c | sort -rn | head -4"
run "lsfd -p $P -o TYPE | sort | uniq -c | sort -rn"
run "prlimit -n -p $P"
} > $HERE/screen.txt
kill $P
