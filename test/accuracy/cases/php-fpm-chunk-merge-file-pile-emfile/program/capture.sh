#!/bin/bash
# nginx in front of php-fpm (3 static children, rlimit_files 64); one request merges a 200-chunk
# upload; the on-call shell looks while that request is still running.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; rm -rf "$W" "$HERE/spool"; mkdir -p "$W" "$HERE/spool/u7731"
for i in $(seq 1 200); do printf 'part %d\n' $i > "$(printf '%s/spool/u7731/chunk-%04d.part' "$HERE" $i)"; done
chmod -R a+rwX "$HERE/spool" "$W"; chmod a+x /tmp/r286 "$HERE"
php-fpm8.2 -R -F -y "$HERE/php-fpm.conf" </dev/null >/dev/null 2>&1 & FPM=$!
nginx -c "$HERE/nginx.conf" </dev/null >/dev/null 2>&1 & NG=$!
sleep 2
curl -s -o /dev/null "http://127.0.0.1:18620/merge.php?id=u7731" & C=$!
sleep 9
M=$(cat "$W/php-fpm.pid")
BUSY=$(for p in $(pgrep -P "$M"); do echo "$(ls /proc/$p/fd | wc -l) $p"; done | sort -n | tail -1 | cut -d' ' -f2)
run() { echo "root@web1:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep -E '[p]hp-fpm|[n]ginx'"
run "for p in \$(pgrep -f 'php-fpm: pool'); do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
run "tail -n 6 $W/php-fpm.log"
run "cat /proc/$BUSY/limits"
run "lsof -n -P -p $BUSY"
sleep 2
run "ls /proc/$BUSY/fd | wc -l"
} > "$W/screen.txt"
kill $C 2>/dev/null; kill $NG $FPM; sleep 1
cat "$W/screen.txt"
