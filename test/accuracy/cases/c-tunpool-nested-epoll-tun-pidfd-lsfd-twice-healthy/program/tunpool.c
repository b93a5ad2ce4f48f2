// tunpool: a tunnel pool that opens its 32 tun queues once at start (one multi-queue device),
// watches them from nested epoll sets, keeps a pidfd per helper child and an eventfd per queue
// group, and serves traffic without making new fds.
#define _GNU_SOURCE
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int c, char **v) {
  FILE *logf = fopen(c > 1 ? v[1] : "tunpool.log", "a");
  int outer = epoll_create1(EPOLL_CLOEXEC);
  for (int g = 0; g < 4; g++) {
    int inner = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event e = { .events = EPOLLIN, .data.fd = inner }; epoll_ctl(outer, EPOLL_CTL_ADD, inner, &e);
    int ev = eventfd(0, EFD_CLOEXEC); e.data.fd = ev; epoll_ctl(inner, EPOLL_CTL_ADD, ev, &e);
    for (int q = 0; q < 8; q++) {
      int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
      struct ifreq ifr; memset(&ifr, 0, sizeof ifr); ifr.ifr_flags = IFF_TUN | IFF_NO_PI | IFF_MULTI_QUEUE;
      strcpy(ifr.ifr_name, "tpool0");
      if (ioctl(fd, TUNSETIFF, &ifr) < 0) perror("TUNSETIFF");
      e.data.fd = fd; epoll_ctl(inner, EPOLL_CTL_ADD, fd, &e);
    }
  }
  for (int k = 0; k < 4; k++) { pid_t p = fork(); if (p == 0) { execl("/bin/sleep", "sleep", "100000", (char *)0); _exit(1); }
    int pfd = syscall(SYS_pidfd_open, p, 0); struct epoll_event e = { .events = EPOLLIN, .data.fd = pfd }; epoll_ctl(outer, EPOLL_CTL_ADD, pfd, &e); }
  struct epoll_event evs[16];
  for (long n = 1;; n++) {
    epoll_wait(outer, evs, 16, 100);
    if (n % 100 == 0) { fprintf(logf, "tunpool: %ld polls, 32 queues up\n", n); fflush(logf); }
  }
}
