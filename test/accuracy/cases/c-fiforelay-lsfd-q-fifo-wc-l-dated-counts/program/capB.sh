#!/bin/bash
# fiforelay: `date; lsfd -p PID -Q 'TYPE == "FIFO"' | wc -l` five times 5 s apart, then prlimit.
cd /tmp/r327-work/B; ulimit -n 4096
exec 251>&- 2>/dev/null; exec </dev/null
../fiforelay >>out.log 2>&1 & PID=$!; sleep 2
{ echo '```'
for i in 1 2 3 4 5; do
  echo "\$ date; lsfd -p $PID -Q 'TYPE == \"FIFO\"' | wc -l"; date; lsfd -p $PID -Q 'TYPE == "FIFO"' | wc -l
  [ $i -lt 5 ] && sleep 5
done
echo "\$ prlimit --pid $PID --nofile"; prlimit --pid $PID --nofile
echo '```'; } > transcript.md 2>&1
kill $PID
