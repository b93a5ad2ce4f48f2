#!/usr/bin/env bash
# What strace costs the traced process: the per-syscall slowdown of a syscall-bound loop, and of
# a connect-fail-close loop like the leaker, with and without `strace -f -tt -T -y -s 256 -o FILE`
# (the flags `fdleak collect` uses). A CPU-bound process making few syscalls pays almost nothing;
# the figures below are the worst case. Usage: bash bench/collect-strace-cost.sh [ITERATIONS]
set -euo pipefail
N=${1:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/loop.c" <<'C'
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(int argc, char **argv) {
  long n = atol(argv[1]);
  int mode = atoi(argv[2]); /* 0: getppid, 1: socket+connect(refused)+close */
  struct sockaddr_in a; memset(&a, 0, sizeof a);
  a.sin_family = AF_INET; a.sin_port = htons(atoi(argv[3])); a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  double t0 = now();
  for (long i = 0; i < n; i++) {
    if (mode == 0) getppid();
    else { int s = socket(AF_INET, SOCK_STREAM, 0); connect(s, (struct sockaddr *)&a, sizeof a); close(s); }
  }
  printf("%.3f\n", (now() - t0) * 1e9 / n);
  return 0;
}
C
gcc -O2 -o "$work/loop" "$work/loop.c"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
row() {
  local label=$1 mode=$2 n=$3 syscalls=$4
  local plain traced
  plain=$("$work/loop" "$n" "$mode" "$port")
  traced=$(strace -f -tt -T -y -s 256 -o "$work/trace.txt" "$work/loop" "$n" "$mode" "$port")
  local bytes; bytes=$(stat -c %s "$work/trace.txt")
  awk -v l="$label" -v p="$plain" -v t="$traced" -v s="$syscalls" -v b="$bytes" -v n="$n" 'BEGIN {
    printf "%-34s %10.0f ns %12.0f ns %8.0fx %10.1f us/syscall %8.0f B/iter\n", l, p, t, t / p, (t - p) / s / 1000, b / n }'
}
printf "%-34s %13s %15s %9s %21s %15s\n" "loop (per iteration)" "plain" "under strace" "slowdown" "added" "trace size"
row "getppid()" 0 "$N" 1
row "socket+connect(refused)+close" 1 $((N / 10)) 3
