#!/bin/bash
# first run dies of EMFILE; the service is restarted (idle); on-call pastes the log tail and a count of the new process
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
rm -f /tmp/acc196/exportd.log
python3 exportd.py run; echo "first run exited $?"
python3 exportd.py idle </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
{
echo '```'
echo '$ tail -4 /tmp/acc196/exportd.log'; tail -4 /tmp/acc196/exportd.log
echo '$ pgrep -f exportd.py'; pgrep -f exportd.py
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo '```'
} > ../transcript.md
kill $PID
