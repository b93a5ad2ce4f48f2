/* ringd: sets up an io_uring per request to read a small file, and never closes the ring. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
static void logf_(const char *m, int e) {
  time_t t = time(NULL); char ts[16]; strftime(ts, sizeof ts, "%H:%M:%S", localtime(&t));
  fprintf(stderr, "%s ringd: %s: %s\n", ts, m, strerror(e)); fflush(stderr);
}
int main(void) {
  for (unsigned long req = 0;; req++) {
    char params[128]; memset(params, 0, sizeof params);
    long ring = syscall(SYS_io_uring_setup, 16, params);
    if (ring < 0) { logf_("request failed: io_uring_setup", errno); sleep(1); continue; }
    /* ... submit the read, reap the completion ... the ring is never closed */
    usleep(40000);
  }
}
