#!/bin/bash
# evwatch: fd count twice, fdinfo of its newest fds (grep -r), one fdinfo file, limits.
cd /tmp/r327-work/C; ulimit -n 2048
exec 251>&- 2>/dev/null; exec </dev/null
python3 ../evwatch.py >>out.log 2>&1 & PID=$!; sleep 4
{ echo '```'
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
sleep 6
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ grep -r . /proc/$PID/fdinfo/ | tail -24"; grep -r . /proc/$PID/fdinfo/ | tail -24
LAST=$(ls /proc/$PID/fd | sort -n | tail -1)
echo "\$ cat /proc/$PID/fdinfo/$LAST"; cat /proc/$PID/fdinfo/$LAST
echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
echo '```'; } > transcript.md 2>&1
kill $PID
