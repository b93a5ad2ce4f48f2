#!/bin/bash
# Runs kaserver.py and quotes.rb (ulimit -n 256); on-call grabs ss counts, the lsof state tally, limits, the log tail
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/rb; cd $W
python3 $HERE/kaserver.py 18823 </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
( ulimit -n 256; exec ruby $HERE/quotes.rb 18823 $W/quotes.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 40
run() { echo "[oncall@quotes-2 ~]\$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -af quotes.rb"
run "ss -tanp state close-wait | grep -c ruby"
run "lsof -nP -p $P | awk '{print \$NF}' | sort | uniq -c | sort -rn | head -6"
run "grep 'open files' /proc/$P/limits"
run "tail -3 $W/quotes.log"
} > $HERE/screen.txt
kill $P $SRV
