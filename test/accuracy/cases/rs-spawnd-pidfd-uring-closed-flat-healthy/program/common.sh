# sourced by each capture.sh: close the fds the sandbox shell leaves open, print prompts
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
run() { echo "root@vm:~# $1"; bash -c "$1" 2>&1; }
