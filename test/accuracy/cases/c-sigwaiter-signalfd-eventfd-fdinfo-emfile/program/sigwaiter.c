/* sigwaiter: each connection gets a signalfd for SIGTERM and an eventfd to wake its handler; neither closed. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/signalfd.h>
#include <sys/eventfd.h>
int main(void) {
  sigset_t m; sigemptyset(&m); sigaddset(&m, SIGUSR1); sigprocmask(SIG_BLOCK, &m, NULL);
  setvbuf(stderr, NULL, _IOLBF, 0);
  for (int conn = 1; conn < 100000; conn++) {
    int s = signalfd(-1, &m, SFD_CLOEXEC);
    if (s < 0) { fprintf(stderr, "sigwaiter: conn %d: signalfd: %s\n", conn, strerror(errno)); sleep(1); continue; }
    int e = eventfd(0, EFD_CLOEXEC);
    if (e < 0) { fprintf(stderr, "sigwaiter: conn %d: eventfd: %s\n", conn, strerror(errno)); sleep(1); continue; }
    eventfd_write(e, 1);
    usleep(5000);
  }
  return 0;
}
