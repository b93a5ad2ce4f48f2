#!/bin/bash
# The developer's terminal: the build fails under the default 256, passes at 4096.
cd "$(dirname "$0")"
run() { echo "~/web \$ $1"; bash -c "$1" 2>&1; }
{
run "ulimit -n 256; python3 bundle.py src/"
run "find src -name '*.js' | wc -l"
run "ulimit -n 4096; python3 bundle.py src/"
} > screen.txt
