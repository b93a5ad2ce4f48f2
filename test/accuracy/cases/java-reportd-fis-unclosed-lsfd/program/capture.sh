#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
mkdir -p /tmp/cm159/run/reportd && cd /tmp/cm159/run/reportd
javac -d /tmp/cm159/src "$HERE/ReportD.java"
prlimit --nofile=512:512 java -cp /tmp/cm159/src ReportD /tmp/cm159/run/reportd >/dev/null 2>&1 &
sleep 25; P=$(pgrep -f 'ReportD /tmp/cm159')
{
run "ps -o pid,nlwp,etime,cmd -p $P"
run "tail -3 /tmp/cm159/run/reportd/reportd.log"
run "prlimit --pid $P --nofile"
run "ls /proc/$P/fd | wc -l"
run "lsfd -p $P | head -12"
run "lsfd -p $P | tail -8"
run "lsfd -p $P -Q 'NAME =~ \".*tariffs.csv\"' | wc -l"
run "jstack $P | grep -A6 '^\"report-worker-1'"
} > "$HERE/screen.txt"
kill $P
