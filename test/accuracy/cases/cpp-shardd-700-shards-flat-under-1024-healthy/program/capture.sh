#!/bin/bash
# shardd with its 700 shards open (limit 1024); on-call: limits, three timed counts, the whole ls -l of its fd folder
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/cppok; mkdir -p $W/shards
for i in $(seq 0 699); do printf 'shard %04d\n' $i > $(printf "$W/shards/idx-%04d.shard" $i); done
( ulimit -n 1024; exec $W/shardd $W/shards ) </dev/null >/dev/null 2>&1 & P=$!
sleep 5
run() { echo "root@search-3:~# $1"; bash -c "$1" 2>&1; }
{
run "pidof shardd"
run "cat /proc/$P/limits"
run "echo \$(date +%T) \$(ls /proc/$P/fd | wc -l)"
sleep 30
run "echo \$(date +%T) \$(ls /proc/$P/fd | wc -l)"
sleep 30
run "echo \$(date +%T) \$(ls /proc/$P/fd | wc -l)"
run "ls -l /proc/$P/fd"
} > $HERE/screen.txt
kill $P
