// perfd: a sampler that opens a task-clock perf event on itself per sample and reads it,
// never closing the event: one anon_inode:[perf_event] per sample.
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <stdint.h>
int main(int c, char **v) {
  FILE *logf = fopen(c > 1 ? v[1] : "perfd.log", "a");
  for (long n = 1;; n++) {
    struct perf_event_attr a; memset(&a, 0, sizeof a);
    a.size = sizeof a; a.type = PERF_TYPE_SOFTWARE; a.config = PERF_COUNT_SW_TASK_CLOCK;
    a.exclude_kernel = 1; a.exclude_hv = 1;
    int fd = syscall(__NR_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    if (fd < 0) { fprintf(logf, "perfd: sample %ld: perf_event_open: %s\n", n, strerror(errno)); fflush(logf); sleep(1); continue; }
    uint64_t val = 0; if (read(fd, &val, sizeof val) < 0) val = 0;
    if (n % 50 == 0) { fprintf(logf, "perfd: sample %ld task-clock %llu ns\n", n, (unsigned long long)val); fflush(logf); }
    usleep(100000);
  }
}
