#!/bin/bash
# one nginx worker, worker_rlimit_nofile 128, 160 idle keep-alive clients: accept4() meets EMFILE.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; rm -rf "$W" "$HERE/static"; mkdir -p "$W" "$HERE/static"
echo '<h1>edge</h1>' > "$HERE/static/index.html"; chmod -R a+rX "$HERE/static"; chmod a+x /tmp/r286 "$HERE"
nginx -c "$HERE/nginx.conf" </dev/null >/dev/null 2>&1 & NG=$!
sleep 1
python3 "$HERE/clients.py" 18650 160 40 >/dev/null 2>&1 & CL=$!
sleep 6
M=$(cat "$W/nginx.pid"); WK=$(pgrep -P "$M")
run() { echo "[root@lb1 ~]# $1"; bash -c "$1" 2>&1; }
{
run "ps aux | grep [n]ginx"
run "tail -n 5 $W/error.log"
run "ls /proc/$WK/fd | wc -l"
run "cat /proc/$WK/limits | grep files"
run "ss -tanp | grep -c 'nginx'"
run "ss -tan state established '( sport = :18650 )' | wc -l"
run "lsof -n -P -p $WK | head -25"
sleep 5
run "ls /proc/$WK/fd | wc -l"
} > "$W/screen.txt"
kill $CL $NG; sleep 1
cat "$W/screen.txt"
