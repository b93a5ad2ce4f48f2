/* pipeworker: main thread starts one worker and waits for it. The worker runs a "job" every
 * 20 ms through a pipe (write a record, read it back) and closes only the write end. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void logf_(const char *msg) {
  time_t t = time(NULL); char ts[32];
  strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", localtime(&t));
  fprintf(stderr, "%s pipeworker[%d]: %s\n", ts, getpid(), msg);
}

static void *worker(void *arg) {
  (void)arg;
  for (unsigned long job = 1;; job++) {
    int p[2];
    if (pipe(p) < 0) {
      char m[128]; snprintf(m, sizeof m, "job %lu: pipe: %s", job, strerror(errno));
      logf_(m); sleep(1); continue;
    }
    char rec[32]; int n = snprintf(rec, sizeof rec, "job %lu\n", job);
    write(p[1], rec, n);
    close(p[1]);
    read(p[0], rec, sizeof rec); /* BUG: p[0] is never closed */
    usleep(20000);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  logf_("started");
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  return 0;
}
