#!/bin/bash
# the count typed at a few prompts a few seconds apart (no times), then the whole lsof of the
# process and its limit.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/scanner; rm -rf $W; mkdir -p $W/uploads; cd $W
for i in $(seq -w 0 19); do printf '\x89PNG....' > uploads/u$i.png; done
(cd $HERE && GOCACHE=/tmp/acc232/gocache GO111MODULE=off go build -o $W/scanner scanner.go)
prlimit --nofile=1024:1024 ./scanner </dev/null >/dev/null 2>&1 & P=$!
sleep 3
{
echo '```'
for k in 1 2 3 4 5 6; do say "ls /proc/$P/fd | wc -l"; sleep 1.7; done
say "lsof -p $P"
say "prlimit -n -p $P"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
