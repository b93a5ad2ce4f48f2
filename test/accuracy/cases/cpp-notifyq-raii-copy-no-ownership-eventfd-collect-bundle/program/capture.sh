#!/bin/bash
# notifyq runs ~60 s, then fdleak collect --pid (strace 5 s, 3 snapshots 5 s apart), no whole-host lsof
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/cpp
$W/notifyq </dev/null >/dev/null 2>&1 & P=$!
sleep 60
node /tmp/main-323/bin/fdleak.js collect --pid $P --strace-seconds 5 --snapshots 3 --interval 5 --no-host-lsof --out $W/bundle > $W/collect.out 2>&1
kill $P
