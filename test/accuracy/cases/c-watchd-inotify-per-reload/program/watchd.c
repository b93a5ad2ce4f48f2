// A config watcher written for this case: on every reload it makes a new inotify instance to watch
// its config file and never closes the one before (the bug: the old fd is overwritten, not closed).
// When inotify_init1 fails it logs the error, syslog style with its pid, and keeps serving.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

static FILE *logf;

static void logline(const char *what) {
  char stamp[32];
  time_t now = time(NULL);
  strftime(stamp, sizeof stamp, "%b %e %H:%M:%S", localtime(&now));
  fprintf(logf, "%s watchd[%d]: %s\n", stamp, (int)getpid(), what);
  fflush(logf);
}

static int watch_config(const char *path) {
  int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) {
    char msg[128];
    snprintf(msg, sizeof msg, "reload: inotify_init1: %s", strerror(errno));
    logline(msg);
    return -1;
  }
  inotify_add_watch(fd, path, IN_MODIFY | IN_CLOSE_WRITE);
  return fd;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  char logpath[256], conf[256];
  snprintf(logpath, sizeof logpath, "%s/watchd.log", dir);
  snprintf(conf, sizeof conf, "%s/watchd.conf", dir);
  logf = fopen(logpath, "a");
  FILE *c = fopen(conf, "w");
  fputs("interval=1\n", c);
  fclose(c);
  logline("started");
  int watcher = -1;
  for (;;) {
    int next = watch_config(conf);
    if (next >= 0) watcher = next; // the bug: the previous watcher is never closed
    usleep(200 * 1000);            // a reload every 0.2 s (time compressed)
  }
  return watcher;
}
