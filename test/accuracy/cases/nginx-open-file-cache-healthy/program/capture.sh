#!/bin/bash
# nginx with open_file_cache serving 300 thumbnails; clients request them over and over.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; rm -rf "$W" "$HERE/static"; mkdir -p "$W" "$HERE/static/thumbs"
for i in $(seq 1 300); do head -c 2048 /dev/urandom > "$HERE/static/thumbs/t$i.webp"; done
chmod -R a+rX "$HERE/static"; chmod a+x /tmp/r286 "$HERE"
nginx -c "$HERE/nginx.conf" </dev/null >/dev/null 2>&1 & NG=$!
sleep 1
urls() { for i in $(seq 1 300); do echo "url = http://127.0.0.1:18640/thumbs/t$i.webp"; echo "output = /dev/null"; done; }
urls > "$W/urls.cfg"
LOAD=""
for j in 1 2 3; do ( for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do curl -s -K "$W/urls.cfg"; done ) & LOAD="$LOAD $!"; done
sleep 8
M=$(cat "$W/nginx.pid"); WK=$(pgrep -P "$M" | tr '\n' ' '); ONE=$(echo $WK | cut -d' ' -f1)
run() { echo "root@edge-02:~# $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep [n]ginx"
run "for p in $M $WK; do echo \"\$p \$(ls /proc/\$p/fd | wc -l)\"; done"
run "grep 'open files' /proc/$ONE/limits"
run "lsof -n -P -p $ONE"
sleep 15
run "for p in $M $WK; do echo \"\$p \$(ls /proc/\$p/fd | wc -l)\"; done"
run "cat $W/error.log"
} > "$W/screen.txt"
kill $LOAD 2>/dev/null; kill $NG; sleep 1
cat "$W/screen.txt"
