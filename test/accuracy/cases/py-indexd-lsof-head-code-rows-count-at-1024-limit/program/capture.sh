#!/bin/bash
# run indexd, let it hit the limit, paste what a hurried on-call would: lsof | head, a count, the limit
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
python3 indexd.py </dev/null >/tmp/acc196/indexd.out 2>&1 &
PID=$!
sleep 3
{
echo '```'
echo "\$ lsof -p $PID | head -12"; lsof -p $PID 2>/dev/null | head -12
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
echo '```'
} > ../transcript.md
kill $PID
