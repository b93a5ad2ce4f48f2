#!/bin/bash
# gitstat.rb over 8 repos (limit 1024); on-call: ps -ef zombies, the pipe count of its fd folder, the fd count
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/rbpo; mkdir -p $W/repos
for r in api web billing auth search mail jobs admin; do [ -d $W/repos/$r/.git ] || (git init -q $W/repos/$r && cd $W/repos/$r && git -c user.name=x -c user.email=x@x commit -q --allow-empty -m init); done
( ulimit -n 1024; exec ruby $HERE/gitstat.rb $W/repos $W/gitstat.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 40
run() { echo "root@ci-3:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -ef | grep defunct | head -6"
run "ps -ef | grep -c defunct"
run "ps -fp $P"
run "ls -l /proc/$P/fd | grep -c pipe"
run "ls /proc/$P/fd | wc -l"
} > $HERE/screen.txt
kill $P
