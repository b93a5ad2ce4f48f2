#!/bin/bash
# four watch screens of the count, copied from the terminal about three seconds apart
# close any fd the calling shell handed down, so the programs start with stdio only
for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
cd "$(dirname "$0")"
python3 pollerd.py </dev/null >/dev/null 2>&1 & P=$!
sleep 1
export TERM=xterm COLUMNS=80 LINES=6
{
echo '```'
for i in 1 2 3 4; do
  script -q -c "timeout 0.5 watch -n 1 'ls /proc/$P/fd | wc -l'" /tmp/acc196/watch$i.raw >/dev/null
  python3 render_watch.py /tmp/acc196/watch$i.raw
  [ $i -lt 4 ] && echo && sleep 3
done
echo '```'
} > ../transcript.md
kill $P
