#!/bin/bash
# worker a listed in full, worker b (the leaker) only counted
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
python3 statworker.py a </dev/null >/dev/null 2>&1 & A=$!
python3 statworker.py b </dev/null >/dev/null 2>&1 & B=$!
sleep 2
{
echo '```'
echo '$ pgrep -af statworker'; pgrep -af statworker
echo "\$ ls -l /proc/$A/fd"; ls -l /proc/$A/fd
echo "\$ ls /proc/$B/fd | wc -l"; ls /proc/$B/fd | wc -l
echo '```'
} > ../transcript.md
kill $A $B
