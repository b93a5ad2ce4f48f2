#!/bin/bash
# nginx -> app.rb (nofile 256); requests until the app logs EMFILE on accept.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; rm -rf "$W"; mkdir -p "$W"; chmod a+x /tmp/r286 "$HERE"
prlimit --nofile=256:256 ruby "$HERE/app.rb" "$W/app.log" 18661 </dev/null >/dev/null 2>&1 & APP=$!
nginx -c "$HERE/nginx.conf" </dev/null >/dev/null 2>&1 & NG=$!
sleep 1
for k in $(seq 1 15); do seq 1 20 | xargs -P 20 -I{} curl -s -m 4 -o /dev/null http://127.0.0.1:18660/api/ping; grep -q EMFILE "$W/app.log" && break; done
sleep 4
run() { echo "ops@api-1:~\$ $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep -E '[n]ginx:|[r]uby '"
run "tail -n 3 $W/nginx-error.log"
run "tail -n 4 $W/app.log"
run "ss -tanp state close-wait | head -5"
run "ss -tanp state close-wait | grep -oP 'pid=\K\d+' | sort | uniq -c"
run "prlimit --pid $APP --nofile"
run "ls /proc/$APP/fd | wc -l"
} > "$W/screen.txt"
kill $NG $APP; sleep 1
cat "$W/screen.txt"
