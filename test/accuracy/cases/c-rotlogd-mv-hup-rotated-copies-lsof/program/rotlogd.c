/* rotlogd: writes a line to app.log every 100 ms; on SIGHUP (logrotate's postrotate) it opens
 * app.log again, but never closes the FILE it had: every rotated copy stays open. */
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
static volatile sig_atomic_t reopen;
static void on_hup(int s) { (void)s; reopen = 1; }
int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "app.log";
  FILE *log = fopen(path, "a");
  if (!log) { perror(path); return 1; }
  signal(SIGHUP, on_hup);
  for (unsigned long n = 0;; n++) {
    if (reopen) {
      reopen = 0;
      FILE *f = fopen(path, "a"); /* BUG: the old `log` is never fclose()d */
      if (!f) { perror(path); } else { log = f; }
    }
    fprintf(log, "%ld rotlogd: request %lu served\n", (long)time(NULL), n);
    fflush(log);
    usleep(100000);
  }
}
