#!/bin/bash
# Starts a program with only fds 0-2 open, as a service manager would.
for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done
exec "$@"
