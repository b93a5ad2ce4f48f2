#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
node "$HERE/statusd.js" 18080 & S=$!
sleep 1
javac -d /tmp/cm159/src "$HERE/PollerD.java"
mkdir -p /tmp/cm159/run/pollerd
prlimit --nofile=4096:4096 java -cp /tmp/cm159/src PollerD 18080 >> /tmp/cm159/run/pollerd/pollerd.log 2>&1 &
sleep 40; P=$(pgrep -f 'PollerD 18080')
{
run "ps -o pid,nlwp,etime,cmd -p $P"
run "tail -2 /tmp/cm159/run/pollerd/pollerd.log"
run "date; ls /proc/$P/fd | wc -l"
sleep 60; run "date; ls /proc/$P/fd | wc -l"
sleep 60; run "date; ls /proc/$P/fd | wc -l"
run "ss -tanp state close-wait | head -6"
run "ss -tanp state close-wait | grep -c 'pid=$P,'"
run "cat /proc/$P/fdinfo/400"
run "grep 'open files' /proc/$P/limits"
} > "$HERE/screen.txt"
# java-pollerd-close-wait-tally-partial is pasted from the same run, 20 s later, before these kills
kill $P $S
