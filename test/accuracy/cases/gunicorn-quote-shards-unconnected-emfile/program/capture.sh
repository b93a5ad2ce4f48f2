#!/bin/bash
# gunicorn, 3 sync workers, nofile 64 (as LimitNOFILE=64 would); /quote until one worker logs EMFILE.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r286/gu-unconn/run; rm -rf "$W"; mkdir -p "$W"; cd "$HERE"
prlimit --nofile=64:64 gunicorn -w 3 -b 127.0.0.1:18601 --error-logfile "$W/error.log" --pid "$W/gunicorn.pid" app:app </dev/null >/dev/null 2>&1 &
sleep 3
for i in $(seq 1 30); do curl -s -o /dev/null http://127.0.0.1:18601/quote; grep -q "Too many open files" "$W/error.log" && break; done
sleep 1
M=$(cat "$W/gunicorn.pid"); WK=$(pgrep -P "$M" | tr '\n' ' ')
BAD=$(grep -o '^\[[^]]*\] \[[0-9]*\] \[ERROR\]' "$W/error.log" | head -1 | grep -o '\[[0-9]*\]' | tr -d '[]')
run() { echo "deploy@web3:~$ $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep [g]unicorn"
run "for p in $WK; do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
run "tail -n 18 $W/error.log"
run "cat /proc/$BAD/limits | grep -i 'open files'"
run "lsof -n -P -p $BAD"
sleep 5
run "for p in $WK; do echo \$p \$(ls /proc/\$p/fd | wc -l); done"
} > "$W/screen.txt"
kill "$M"; sleep 1
cat "$W/screen.txt"
