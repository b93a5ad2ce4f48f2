#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
mkdir -p /tmp/cm159/run/metricsd && cd /tmp/cm159/run/metricsd && rm -f metricsd.log metricsd.out
prlimit --nofile=1024:1024 node "$HERE/metricsd.js" /tmp/cm159/run/metricsd/metricsd.log >> metricsd.out 2>&1 &
sleep 14; P=$(pgrep -f 'metricsd.js /tmp/cm159')
{ run "pgrep -af metricsd"; run "grep -i 'open files' /proc/$P/limits"; run "ls /proc/$P/fd | wc -l"
  run "ss -uanp | grep -c 'pid=$P,'"; run "ss -uanp | grep 'pid=$P,' | head -5"
  sleep 12; run "ls /proc/$P/fd | wc -l"; run "cat /tmp/cm159/run/metricsd/metricsd.out"; } > "$HERE/screen.txt"
