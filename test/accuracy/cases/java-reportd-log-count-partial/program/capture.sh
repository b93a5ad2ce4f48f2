#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed and
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }   # prompt, then output, as the terminal shows it
# Run while java-reportd-fis-unclosed-lsfd's reportd is at its limit (its capture.sh starts it):
P=$(pgrep -f 'ReportD /tmp/cm159')
{ run "pgrep -f ReportD"; run "tail -2 /tmp/cm159/run/reportd/reportd.log"; run "ls /proc/$P/fd | wc -l"; } > "$HERE/screen.txt"
