#!/bin/bash
# Reproduces this case: starts pricing-engine (200 worker threads, 4096 open-files limit),
# what came back in notes.txt, takes `lsof -p PID`, the per-thread rows of the log file from
# the whole-host lsof, and fd-count samples for 30 s. Stops the JVM. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/pricing-engine
rm -rf "$RUN"; mkdir -p "$RUN/classes" "$OUT"
javac -d "$RUN/classes" "$HERE/PricingEngine.java"
cd "$RUN"
prlimit --nofile=4096:4096 java -cp "$RUN/classes" PricingEngine "$RUN/logs/pricing.log" 18780 > "$RUN/stdout.log" 2>&1 &
PID=$!          # prlimit execs java: this is the JVM's pid
sleep 20
cd "$OUT"
run() { echo "\$ $1"; bash -c "$1" 2>/dev/null; }
{
  run "lsof | wc -l"
  run "lsof | awk '{print \$2}' | sort | uniq -c | sort -nr | head -5"
  run "ps -o pid,nlwp,cmd -p $PID"
  run "lsof -p $PID | wc -l"
  run "ls /proc/$PID/fd | wc -l"
  run "grep 'open files' /proc/$PID/limits"
} > notes.txt
lsof -p $PID > lsof-p-$PID.txt
lsof 2>/dev/null | awk 'NR==1' > lsof-grep-pricing-log.txt
lsof 2>/dev/null | grep pricing.log >> lsof-grep-pricing-log.txt
for i in 1 2 3 4 5 6 7; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; sleep 5; done > fd-count-$PID.log
kill $PID
# the row of the sandbox's own control process (pid 1, process_api) is removed from the
# whole-host per-pid counts in notes.txt
sed -i '/^ *[0-9]* 1$/d' notes.txt
