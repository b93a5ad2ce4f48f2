#!/bin/bash
# Run indexer under valgrind with every fd shown, std streams included (--track-fds=all).
# Fds the calling harness left open are closed first, as a terminal session would have none.
cd /tmp/r227/c2
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
rm -f indexer.log
echo '$ valgrind --track-fds=all ./indexer'
valgrind --track-fds=all ./indexer 2>&1
echo '$ wc -l indexer.log'
wc -l indexer.log
