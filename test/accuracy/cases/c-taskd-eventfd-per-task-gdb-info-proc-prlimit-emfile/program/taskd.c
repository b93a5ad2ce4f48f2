/* taskd: one eventfd per task to signal completion; the eventfd is never closed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
int main(void) {
  struct rlimit rl = {512, 512};
  setrlimit(RLIMIT_NOFILE, &rl);
  FILE *log = fopen("/tmp/r227/c8/taskd.log", "a");
  if (!log) return 1;
  setvbuf(log, NULL, _IOLBF, 0);
  for (unsigned task = 1;; task++) {
    int efd = eventfd(0, EFD_CLOEXEC);
    if (efd < 0) {
      time_t now = time(NULL);
      char ts[32];
      strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", localtime(&now));
      fprintf(log, "%s taskd[%d]: task %u: eventfd: %s\n", ts, (int)getpid(), task, strerror(errno));
      sleep(1);
      continue;
    }
    uint64_t one = 1;
    if (write(efd, &one, sizeof one) < 0) return 1;
    usleep(2000);
  }
}
