#!/bin/sh
# Same run as c-notifyd-signalfd-eventfd-lsfd-strace (pid 16425, at its limit); two commands pasted.
PID=16425
{ echo '```'; echo "\$ lsfd -p $PID | tail -4"; lsfd -p $PID | tail -4
  echo "\$ prlimit --pid $PID --nofile"; prlimit --pid $PID --nofile; echo '```'; } > transcript.md
