# helpers for the capture scripts: a prompt before each command, then its real output
closefds() { for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null; }
say() { printf '$ %s\n' "$*"; eval "$*" 2>&1; }
