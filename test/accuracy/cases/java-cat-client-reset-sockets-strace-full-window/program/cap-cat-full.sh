#!/bin/bash
# Run the collector (resets every connection) and the client for ~40 s, then capture as the seed
# write-up did: ss -s, sockstat, lsof counts, a short strace -f of the client, the log's fd,
# the thread from jstack by its nid, and the log's last lines.
# close whatever fds this shell was started with beyond stdio, so the JVM inherits none
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && [ "$fd" != 255 ] && eval "exec $fd>&-" 2>/dev/null; done
W=/tmp/r307-work; OUT=${1:-$W/cat-full-transcript.md}; L=$W/applogs; rm -rf $L; mkdir -p $L
python3 $W/rst_collector.py 22800 & COL=$!
sleep 1
java -cp $W/classes CatClient 22800 $L/cat_20261207.log > $W/cat-stdout.log 2>&1 & PID=$!
sleep 30
timeout -s INT 3 strace -f -tt -p $PID -o $W/strace-$PID.txt 2>/dev/null
{ echo '```'
  echo '$ ss -s'; ss -s
  echo '$ cat /proc/net/sockstat'; cat /proc/net/sockstat
  echo "\$ lsof -n -p $PID | wc -l"; lsof -n -p $PID | wc -l
  echo "\$ lsof -n -p $PID | grep -c 'protocol: TCP'"; lsof -n -p $PID | grep -c 'protocol: TCP'
  echo "\$ lsof -n -p $PID | grep 'protocol: TCP' | head -3"; lsof -n -p $PID | grep 'protocol: TCP' | head -3
  echo "\$ cat /proc/$PID/limits | grep 'open files'"; grep 'open files' /proc/$PID/limits
  echo "\$ timeout -s INT 3 strace -f -tt -p $PID -o strace-$PID.txt; grep -v -e futex -e restart_syscall -e getrusage strace-$PID.txt"
  grep -v -e futex -e restart_syscall -e getrusage $W/strace-$PID.txt
  echo '```'; } > $OUT
LOGFD=$(ls -l /proc/$PID/fd | awk '/cat_20261207.log/ {print $9; exit}')
{ echo '```'
  echo "\$ lsof -n -p $PID -a -d $LOGFD"; lsof -n -p $PID -a -d $LOGFD
  echo "\$ jstack $PID | grep -A2 ChannelManager"; jstack $PID | grep -A2 ChannelManager
  echo "\$ tail -2 $L/cat_20261207.log"; tail -2 $L/cat_20261207.log
  echo '```'; } >> $OUT
kill $PID $COL; sleep 1; kill -9 $PID $COL 2>/dev/null
