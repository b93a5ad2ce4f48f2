#!/bin/bash
# py-jobd: three `date -u; lsof -p PID` listings 10 s apart, then its limits.
cd /tmp/r327-work/A; ulimit -n 1024
exec 251>&- 2>/dev/null; exec </dev/null
python3 ../jobd.py >>out.log 2>&1 & PID=$!; sleep 3
{ echo '```'
for i in 1 2 3; do
  echo "\$ date -u"; date -u
  echo "\$ lsof -p $PID"; lsof -p $PID
  [ $i -lt 3 ] && sleep 10
done
echo "\$ cat /proc/$PID/limits | grep -i 'open files'"; grep -i 'open files' /proc/$PID/limits
echo '```'; } > transcript.md 2>&1
kill $PID
