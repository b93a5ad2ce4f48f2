/* ticker: arms a timerfd per scheduled job to time it out, and never closes it. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/timerfd.h>
int main(void) {
  for (int job = 1; job < 100000; job++) {
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    if (fd < 0) { fprintf(stderr, "job %d: timerfd_create: %s\n", job, strerror(errno)); sleep(1); continue; }
    struct itimerspec t = {{0, 0}, {30, 0}};
    timerfd_settime(fd, 0, &t, NULL);     /* bug: fd kept after the job ends */
    usleep(job < 700 ? 10000 : 1000000);
  }
  return 0;
}
