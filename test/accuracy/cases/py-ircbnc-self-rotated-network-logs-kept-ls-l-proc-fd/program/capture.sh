#!/bin/bash
# Runs ircbnc for a while (a few rotations), then the on-call engineer's commands.
cd "$(dirname "$0")"
rm -rf logs
python3 ircbnc.py logs > /dev/null 2>&1 10>&- 251>&- &
P=$!; echo $P > ircbnc.pid
sleep 13
{
echo "\$ pgrep -f ircbnc"
pgrep -f ircbnc
echo "\$ ls -l /proc/$P/fd"
ls -l /proc/$P/fd
echo "\$ ls logs/"
ls logs/
} > screen.txt
kill $P
