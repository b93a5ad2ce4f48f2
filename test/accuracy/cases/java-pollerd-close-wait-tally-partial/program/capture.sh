#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
# Run while java-pollerd-close-wait-samples-ss's pollerd runs (its capture.sh starts it), ~3 minutes in:
P=$(pgrep -f 'PollerD 18080')
{ run "ss -tanp state close-wait | grep -oP 'pid=\\K\\d+' | sort | uniq -c"; run "ps -p $P -o pid,etime,cmd"; } > "$HERE/screen.txt"
