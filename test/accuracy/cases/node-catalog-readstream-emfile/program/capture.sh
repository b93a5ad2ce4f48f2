#!/bin/bash
# Reproduces this case: starts catalog-api (1024 open-files limit) and a bounded load
# `strace -f -tt` (no -y, no -T), `ls -l /proc/PID/fd` and the tail of its log. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/catalog-api
rm -rf "$RUN"; mkdir -p "$RUN/data" "$RUN/logs" "$OUT"
cp "$HERE/server.js" "$HERE/client.js" "$RUN/"
node -e 'const items=[];for(let i=0;i<400;i++)items.push({id:i,name:"item "+i,price:(i*37)%500/10});require("fs").writeFileSync(process.argv[1],JSON.stringify({items}))' "$RUN/data/catalog.json"
cd "$RUN"
prlimit --nofile=1024:1024 node server.js "$RUN/data/catalog.json" 18480 >> "$RUN/logs/catalog-api.log" 2>&1 &
PID=$!          # prlimit execs node: this is the server's pid
sleep 1
node client.js 18480 25 150 > /dev/null 2>&1 &
CLIENT=$!
while [ "$(ls /proc/$PID/fd | wc -l)" -lt 900 ]; do sleep 0.5; done
cd "$OUT"
cat /proc/$PID/limits > limits.txt
timeout 8 strace -f -tt -p $PID -o strace.log
ls -l /proc/$PID/fd > proc_fd.txt
tail -n 100 "$RUN/logs/catalog-api.log" > catalog-api.log
kill $CLIENT $PID
