#!/bin/bash
cd /tmp/r227/cpp3
echo '$ ulimit -n'
ulimit -n
echo '$ valgrind --track-fds=yes ./reporter'
valgrind --track-fds=yes ./reporter 2>&1
