/* timerd: a small job scheduler written for this case.
 * Three worker threads take jobs from a queue and log what they did; one scheduler thread arms
 * a one-shot timerfd per job to fire its deadline. The scheduler forgets the timerfd once the
 * job is queued (the close is missing), so each job leaves one [timerfd] open, until
 * timerfd_create fails with EMFILE. The workers open nothing per job: only the scheduler fails. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static FILE *logf;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int queue[4096];
static int qhead, qtail;

static void logmsg(const char *who, const char *fmt, ...) {
  char ts[64];
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  struct tm tm;
  gmtime_r(&now.tv_sec, &tm);
  strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);
  va_list ap;
  va_start(ap, fmt);
  flockfile(logf);
  fprintf(logf, "%s.%03ld timerd[%d] %s[%ld]: ", ts, now.tv_nsec / 1000000, getpid(), who,
          (long)syscall(SYS_gettid));
  vfprintf(logf, fmt, ap);
  fputc('\n', logf);
  fflush(logf);
  funlockfile(logf);
  va_end(ap);
}

static void *worker(void *arg) {
  char name[16];
  snprintf(name, sizeof name, "worker-%ld", (long)arg);
  pthread_setname_np(pthread_self(), name);
  logmsg(name, "started");
  for (;;) {
    pthread_mutex_lock(&mu);
    while (qhead == qtail) pthread_cond_wait(&cv, &mu);
    int job = queue[qhead++ % 4096];
    pthread_mutex_unlock(&mu);
    struct stat st;
    stat("/tmp/accn/c-timerd/jobs", &st); /* look at the spool; opens nothing */
    unsigned long sum = 0;
    for (int i = 0; i < 200000; i++) sum += (unsigned long)i * job;
    logmsg(name, "job %d done (checksum %lu)", job, sum % 9973);
  }
  return NULL;
}

static void *scheduler(void *arg) {
  (void)arg;
  pthread_setname_np(pthread_self(), "scheduler");
  logmsg("scheduler", "started");
  for (int job = 1;; job++) {
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    if (tfd < 0) {
      logmsg("scheduler", "job %d: cannot arm deadline: timerfd_create: %s", job, strerror(errno));
      usleep(200000);
      continue;
    }
    struct itimerspec its = {.it_value = {.tv_sec = 30}};
    timerfd_settime(tfd, 0, &its, NULL);
    /* BUG: the deadline fd should be closed when the job completes; nobody keeps it */
    pthread_mutex_lock(&mu);
    queue[qtail++ % 4096] = job;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    usleep(25000); /* 40 jobs a second */
  }
  return NULL;
}

int main(void) {
  logf = fopen("/tmp/accn/c-timerd/timerd.log", "a");
  if (!logf) return 1;
  logmsg("main", "timerd starting, 3 workers");
  pthread_t t;
  for (long i = 1; i <= 3; i++) pthread_create(&t, NULL, worker, (void *)i);
  pthread_create(&t, NULL, scheduler, NULL);
  for (;;) pause();
}
