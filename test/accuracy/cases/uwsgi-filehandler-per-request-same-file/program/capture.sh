#!/bin/bash
# uWSGI master + 3 workers under nofile 256; requests until the log shows Errno 24.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=256:256 uwsgi --plugin python3 --master --processes 3 --http-socket 127.0.0.1:18681 \
  --wsgi-file "$HERE/app.py" --logto "$W/uwsgi.log" --pidfile "$W/uwsgi.pid" --env AUDIT_LOG="$W/audit.log" </dev/null >/dev/null 2>&1 &
sleep 3
for k in $(seq 1 60); do seq 1 20 | xargs -P 4 -I{} curl -s -o /dev/null http://127.0.0.1:18681/api/orders; grep -q 'Errno 24' "$W/uwsgi.log" && break; done
M=$(cat "$W/uwsgi.pid"); WK=$(pgrep -P "$M" | tr '\n' ' ')
run() { echo "root@api-7:/srv/orders# $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep [u]wsgi"
run "for p in $M $WK; do echo \$p: \$(ls /proc/\$p/fd | wc -l); done"
run "grep -B3 -A1 'Errno 24' $W/uwsgi.log | tail -n 12"
for p in $WK; do run "ls -l /proc/$p/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head -4"; done
run "cat /proc/$(echo $WK | cut -d' ' -f1)/limits | grep -i files"
} > "$W/screen.txt"
kill -INT "$M"; sleep 2
cat "$W/screen.txt"
