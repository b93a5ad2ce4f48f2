// ringq: a request queue that sets up an io_uring per request (to submit the request's reads)
// and forgets io_uring's fd when the request is done: one anon_inode:[io_uring] per request.
#include <linux/io_uring.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
static FILE *logf;
static void lg(const char *lvl, const char *msg) {
  char ts[32]; time_t t = time(0); strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", localtime(&t));
  fprintf(logf, "%s %s [worker] %s\n", ts, lvl, msg); fflush(logf);
}
static void *worker(void *a) {
  (void)a;
  for (long n = 1;; n++) {
    struct io_uring_params p; memset(&p, 0, sizeof p);
    int fd = syscall(__NR_io_uring_setup, 8, &p);
    char m[160];
    if (fd < 0) { snprintf(m, sizeof m, "request %ld failed: io_uring_setup: %s", n, strerror(errno)); lg("ERROR", m); sleep(1); continue; }
    snprintf(m, sizeof m, "request %ld: ring ready (sq %u entries)", n, p.sq_entries); lg("INFO", m);
    usleep(50000);   /* the request's I/O would go here; the ring is never closed */
  }
  return 0;
}
int main(int c, char **v) {
  logf = fopen(c > 1 ? v[1] : "ringq.log", "a");
  pthread_t t; pthread_create(&t, 0, worker, 0);
  pthread_join(t, 0);
}
