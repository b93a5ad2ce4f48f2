# helper: run a command as if typed at a prompt, appending prompt and output to $T
run(){ echo "\$ $*" >> "$T"; bash -c "$*" >> "$T" 2>&1 || true; }
open_fence(){ echo '```' > "$T"; }
close_fence(){ echo '```' >> "$T"; }
# start programs with only 0-2, as an init system would (the sandbox shell holds extra fds)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
