#!/bin/bash
# on-call lists the master (the pid in the pidfile) in full; the workers hold the fds
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
rm -f /tmp/acc196/prefork.log /tmp/acc196/prefork-requests.log
python3 prefork.py </dev/null >/dev/null 2>&1 & M=$!
sleep 2
{
echo '```'
echo "\$ lsof -p $M"; lsof -p $M 2>/dev/null
echo '$ tail -2 /tmp/acc196/prefork.log'; tail -2 /tmp/acc196/prefork.log
echo '```'
} > ../transcript.md
pkill -P $M; kill $M
