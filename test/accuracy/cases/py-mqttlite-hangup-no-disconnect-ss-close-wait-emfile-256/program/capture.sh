#!/bin/bash
# Starts mqttlite under a 256-fd limit, runs the clients, then captures what an
# on-call engineer types, as a transcript with prompts.
cd "$(dirname "$0")"
rm -f mqttlite.log
prlimit --nofile=256:4096 python3 mqttlite.py 18830 mqttlite.log &
BROKER=$!
echo $BROKER > broker.pid
sleep 1
python3 clients.py 18830 300 &
echo $! > clients.pid
sleep 12
P=$BROKER
{
echo '$ pgrep -f mqttlite.py'
pgrep -f mqttlite.py
echo "\$ tail -5 mqttlite.log"
tail -5 mqttlite.log
echo "\$ cat /proc/$P/limits | grep 'open files'"
grep 'open files' /proc/$P/limits
echo "\$ ls /proc/$P/fd | wc -l"
ls /proc/$P/fd | wc -l
echo "\$ ss -tnp state close-wait | head -15"
ss -tnp state close-wait | head -15
echo "\$ ss -tnp state close-wait | grep -c pid=$P"
ss -tnp state close-wait | grep -c pid=$P
echo "\$ ss -tnp state established '( sport = :18830 )' | wc -l"
ss -tnp state established '( sport = :18830 )' | wc -l
} > screen.txt
