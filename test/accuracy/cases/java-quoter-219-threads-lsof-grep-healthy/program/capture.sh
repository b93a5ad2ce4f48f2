#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
javac -d /tmp/cm159/src "$HERE/Quoter.java"
mkdir -p /tmp/cm159/run/quoter && cd /tmp/cm159/run/quoter
setsid "$HERE/clean.sh" java -Xmx64m -cp /tmp/cm159/src Quoter </dev/null >/dev/null 2>&1 &
sleep 8; P=$(pgrep -f 'Quoter$')
{ run "pgrep -af Quoter"; run "jstack $P | grep -c '^\"'"; run "lsof -n | grep -c $P"; run "lsof -n -p $P | wc -l"
  run "ls /proc/$P/fd | wc -l"; run "ls -l /proc/$P/fd"; run "grep 'open files' /proc/$P/limits"; } > "$HERE/screen.txt" 2>&1
kill $P
