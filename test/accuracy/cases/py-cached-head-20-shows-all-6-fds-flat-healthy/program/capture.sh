#!/bin/bash
# a listing cut by head, then the count three times, and the limit
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
python3 cached.py </dev/null >/dev/null 2>&1 & P=$!
sleep 1
{
echo '```'
echo "\$ ls -l /proc/$P/fd | head -20"; ls -l /proc/$P/fd | head -20
for i in 1 2 3; do echo "\$ ls /proc/$P/fd | wc -l"; ls /proc/$P/fd | wc -l; sleep 2; done
echo "\$ grep 'open files' /proc/$P/limits"; grep 'open files' /proc/$P/limits
echo '```'
} > ../transcript.md
kill $P
