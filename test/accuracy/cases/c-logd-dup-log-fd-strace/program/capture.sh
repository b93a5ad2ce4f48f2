#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
gcc -O1 -o /tmp/cm159/src/logd "$HERE/logd.c"
mkdir -p /tmp/cm159/run/logd
prlimit --nofile=1024:1024 /tmp/cm159/src/logd /tmp/cm159/run/logd/logd.log >/dev/null 2>&1 &
sleep 75; P=$(pgrep -f 'src/logd /tmp/cm159')
{ run "pgrep -af logd"; run "prlimit --pid $P"; run "ls /proc/$P/fd | wc -l"; run "ls -l /proc/$P/fd | tail -6"
  run "timeout 3 strace -f -tt -p $P"; } > "$HERE/screen.txt" 2>&1
kill $P
