#!/bin/bash
# nginx + php-fpm, 16 static children; 3 curl loops on status.php; the master looked at twice.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; rm -rf "$W"; mkdir -p "$W"; chmod a+rwX "$W"; chmod a+x /tmp/r286 "$HERE"
php-fpm8.2 -R -F -y "$HERE/php-fpm.conf" </dev/null >/dev/null 2>&1 & FPM=$!
nginx -c "$HERE/nginx.conf" </dev/null >/dev/null 2>&1 & NG=$!
sleep 2
LOAD=""
for j in 1 2 3; do ( for i in $(seq 1 3000); do curl -s -o /dev/null http://127.0.0.1:18630/status.php; done ) & LOAD="$LOAD $!"; done
sleep 3
M=$(cat "$W/php-fpm.pid")
run() { echo "root@php-prod:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep [p]hp-fpm"
run "ls /proc/$M/fd | wc -l"
run "lsof -n -P -p $M"
run "grep 'open files' /proc/$M/limits"
run "tail -n 3 $W/php-fpm.log"
sleep 30
run "ls /proc/$M/fd | wc -l"
run "for p in \$(pgrep -P $M); do ls /proc/\$p/fd | wc -l; done | sort -n | uniq -c"
run "wc -l $W/access.log"
} > "$W/screen.txt"
kill $LOAD 2>/dev/null; kill $NG $FPM; sleep 1
cat "$W/screen.txt"
