# run CMD...: print it after a prompt as typed, then its output (both go to the screen file)
run() { printf '$ %s\n' "$*"; bash -c "$*" 2>&1; }
# close every fd above 2 this shell was started with, so the program starts clean
closefds() { local fd; for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done; return 0; }
