#!/bin/bash
# Reproduces this case: starts render-worker with a 1024 open-files limit, waits until it has
# pane running bash with the usual root prompt) and saves the screen as it was, from which
# transcript.md was pasted. Stops the worker. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SCREEN=${1:-/tmp/cm/render-worker-screen.txt}
RUN=/tmp/cm/render-worker
rm -rf "$RUN"; mkdir -p "$RUN/logs"
cp "$HERE/worker.js" "$RUN/"
cd "$RUN"
prlimit --nofile=1024:1024 node worker.js "$RUN" 50 >> "$RUN/logs/worker.log" 2>&1 &
PID=$!          # prlimit execs node: this is the worker's pid
sleep 70
tmux kill-session -t cm-render 2>/dev/null
cd ~
tmux new-session -d -s cm-render -x 200 -y 60 "env PS1='\\u@\\h:\\w# ' bash --norc --noprofile"
sleep 1
type() { tmux send-keys -t cm-render "$1" Enter; sleep 2; }
type "ps aux | grep [w]orker.js"
type "tail -4 /tmp/cm/render-worker/logs/worker.log"
type "lsof -p $PID | wc -l"
type "grep 'open files' /proc/$PID/limits"
type "du -sh /tmp/cm/render-worker/scratch"
type "lsof -p $PID | head -25"
type "lsof -p $PID | tail -8"
type "lsof -p $PID | grep -c '(deleted)'"
tmux capture-pane -t cm-render -p -S - -E - > "$SCREEN"
tmux kill-session -t cm-render
kill $PID
