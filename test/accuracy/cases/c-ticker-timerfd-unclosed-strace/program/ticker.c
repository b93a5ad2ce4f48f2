/* ticker: schedules a one-shot timer per job with timerfd and waits for it in poll().
 * Bug: the timerfd is never closed after it fires. */
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  FILE *log = fopen("ticker.log", "a");
  setvbuf(log, NULL, _IOLBF, 0);
  fprintf(log, "ticker started pid=%d\n", getpid());
  for (long job = 1;; job++) {
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    if (tfd < 0) {
      fprintf(log, "job %ld: timerfd_create: %s\n", job, strerror(errno));
      sleep(1);
      continue;
    }
    struct itimerspec its = {0};
    its.it_value.tv_nsec = 20 * 1000 * 1000;
    timerfd_settime(tfd, 0, &its, NULL);
    struct pollfd p = {.fd = tfd, .events = POLLIN};
    poll(&p, 1, 1000);
    uint64_t exp;
    if (read(tfd, &exp, sizeof exp) == sizeof exp && job % 100 == 0)
      fprintf(log, "job %ld: timer fired (fd %d)\n", job, tfd);
    /* missing: close(tfd); */
    usleep(30 * 1000);
  }
}
