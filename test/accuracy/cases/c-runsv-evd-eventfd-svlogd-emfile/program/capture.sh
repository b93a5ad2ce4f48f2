#!/bin/bash
# evd under runit's runsv with a log service (svlogd -tt ./main), ulimit -n 512 in its run script.
# Captures: sv status, pstree -p of runsv, counts per process, log/main/current, ls -l fd | head of
# evd, its limits.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='root@notify-1:~#'
SV=/srv/acc267/sv/evd; rm -rf $SV; mkdir -p $SV/log/main /srv/acc267/bin
gcc -O2 -o /srv/acc267/bin/evd "$HERE/evd.c"
printf '#!/bin/sh\nexec 2>&1\nulimit -n 512\nexec /srv/acc267/bin/evd\n' > $SV/run
printf '#!/bin/sh\nexec svlogd -tt ./main\n' > $SV/log/run
chmod +x $SV/run $SV/log/run
setsid runsv $SV </dev/null >/dev/null 2>&1 & R=$!
sleep 8
E=$(pgrep -x evd)
{
run "sv status $SV"
run "pstree -p $R"
run 'for p in $(pgrep -f "runsv|svlogd|evd"); do echo "$p $(cat /proc/$p/comm) $(ls /proc/$p/fd | wc -l)"; done'
run "tail -n 3 $SV/log/main/current"
run "ls -l /proc/$E/fd | head -12"
run "grep 'Max open files' /proc/$E/limits"
} > "$HERE/screen.txt"
sv exit $SV >/dev/null 2>&1; sleep 2; kill $R 2>/dev/null; true
