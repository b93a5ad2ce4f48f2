#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
mkdir -p /tmp/cm159/run/gateway && cd /tmp/cm159/run/gateway
setsid "$HERE/clean.sh" prlimit --nofile=16384:16384 node "$HERE/gateway.js" 18090 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" node "$HERE/clients.js" 18090 400 </dev/null >/dev/null 2>&1 &
sleep 8; P=$(pgrep -f 'gateway.js 18090'); C=$(pgrep -f 'clients.js 18090')
{ run "pgrep -af gateway.js"
  run "date; ls /proc/$P/fd | wc -l"
  sleep 60; run "date; ls /proc/$P/fd | wc -l"
  sleep 60; run "date; ls /proc/$P/fd | wc -l"
  run "prlimit --pid $P --nofile"
  run "ss -tanp | grep 'pid=$P,' | awk '{print \$1}' | sort | uniq -c"
  run "ls -l /proc/$P/fd"; } > "$HERE/screen.txt" 2>&1
kill $P $C
