// evhub: an event hub that holds a fixed set of the rarer fds for its lifetime (io_uring rings,
// perf counters, timers, a signalfd, memfd buffers, a message queue, netlink and packet
// sockets, a userfaultfd) and, per tick, makes one of each short-lived kind and closes it.
#define _GNU_SOURCE
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <linux/netlink.h>
#include <linux/userfaultfd.h>
#include <linux/if_ether.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/mman.h>
#include <sys/epoll.h>
#include <mqueue.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
static int ring(void) { struct io_uring_params p; memset(&p, 0, sizeof p); return syscall(__NR_io_uring_setup, 8, &p); }
static int perf(void) { struct perf_event_attr a; memset(&a, 0, sizeof a); a.size = sizeof a; a.type = PERF_TYPE_SOFTWARE;
  a.config = PERF_COUNT_SW_TASK_CLOCK; a.exclude_kernel = 1; a.exclude_hv = 1;
  return syscall(__NR_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC); }
int main(int c, char **v) {
  FILE *logf = fopen(c > 1 ? v[1] : "evhub.log", "a");
  int ep = epoll_create1(EPOLL_CLOEXEC);
  for (int i = 0; i < 8; i++) ring();
  for (int i = 0; i < 8; i++) perf();
  for (int i = 0; i < 8; i++) { int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC); struct itimerspec s = {{1,0},{1,0}}; timerfd_settime(t, 0, &s, 0);
    struct epoll_event e = { .events = EPOLLIN, .data.fd = t }; epoll_ctl(ep, EPOLL_CTL_ADD, t, &e); }
  sigset_t m; sigemptyset(&m); sigaddset(&m, SIGUSR1); sigprocmask(SIG_BLOCK, &m, 0); signalfd(-1, &m, SFD_CLOEXEC);
  for (int i = 0; i < 6; i++) { char n[32]; snprintf(n, sizeof n, "evhub-buf-%d", i); int f = memfd_create(n, MFD_CLOEXEC); ftruncate(f, 65536); }
  struct mq_attr at = { .mq_maxmsg = 8, .mq_msgsize = 64 }; mq_open("/evhub-events", O_CREAT | O_RDWR | O_NONBLOCK, 0600, &at);
  for (int i = 0; i < 4; i++) socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  for (int i = 0; i < 2; i++) socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
  syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);
  for (long n = 1;; n++) {
    int a = ring(), b = perf(), t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC), s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    int f = memfd_create("evhub-scratch", MFD_CLOEXEC);
    close(a); close(b); close(t); close(s); close(f);
    if (n % 100 == 0) { fprintf(logf, "evhub: tick %ld ok\n", n); fflush(logf); }
    usleep(20000);
  }
}
