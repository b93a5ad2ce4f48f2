#!/bin/sh
# Runs the service with LimitNOFILE=512 (prlimit: systemd is not PID 1 on the capture machine,
# so systemd-run could not set it) and captures it with `fdleak collect` once it is out of fds.
set -e
A=/tmp/acc261; S=reportd
javac -d $A/bin Reportd.java
setsid prlimit --nofile=512:512 java -cp $A/bin Reportd >> $A/$S/$S.log 2>&1 < /dev/null &
PID=$!
sleep 20
node bin/fdleak.js collect --pid $PID --strace-seconds 5 --snapshots 2 --interval 3 --no-host-lsof \
  --timeout 30 --logs "$A/$S/*.log" --out $A/col-$S
kill $PID
