# sourced by capture.sh: close inherited fds, a prompt-echoing runner
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
run() { echo "$PROMPT $1"; bash -c "$1" 2>&1; }
