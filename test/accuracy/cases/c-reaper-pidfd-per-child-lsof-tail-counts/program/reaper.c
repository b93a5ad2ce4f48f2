/* reaper: starts a short child per job, watches it through a pidfd, reaps it, keeps the pidfd. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
int main(void) {
  for (;;) {
    pid_t c = fork();
    if (c == 0) { usleep(10000); _exit(0); }
    int pfd = (int)syscall(SYS_pidfd_open, c, 0);
    if (pfd < 0) { fprintf(stderr, "reaper: pidfd_open: %s\n", strerror(errno)); }
    else { struct pollfd p = { pfd, POLLIN, 0 }; poll(&p, 1, 1000); }
    waitpid(c, NULL, 0);
    /* missing: close(pfd); */
    usleep(30000);
  }
}
