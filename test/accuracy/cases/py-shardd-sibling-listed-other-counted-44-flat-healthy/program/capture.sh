#!/bin/bash
# worker a listed in full, worker b counted three times, beside its limit
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
python3 shardd.py a </dev/null >/dev/null 2>&1 & A=$!
python3 shardd.py b </dev/null >/dev/null 2>&1 & B=$!
sleep 1
{
echo '```'
echo '$ pgrep -af shardd'; pgrep -af shardd
echo "\$ ls -l /proc/$A/fd"; ls -l /proc/$A/fd
for i in 1 2 3; do echo "\$ ls /proc/$B/fd | wc -l"; ls /proc/$B/fd | wc -l; sleep 2; done
echo "\$ grep 'open files' /proc/$B/limits"; grep 'open files' /proc/$B/limits
echo '```'
} > ../transcript.md
kill $A $B
