/* spoold: spools each incoming request to its own file under spool/ and hands the path on;
   it never closes the spool file (the leak). Runs as pid 1 of its own PID namespace. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
static void logline(const char *fmt, const char *arg, int err) {
  char ts[32]; time_t t = time(NULL); strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
  printf("%s spoold[%d]: ", ts, getpid()); printf(fmt, arg);
  if (err) printf(": %s", strerror(err)); printf("\n"); fflush(stdout);
}
int main(int argc, char **argv) {
  char path[256];
  for (unsigned n = 1;; n++, usleep(15000)) {
    snprintf(path, sizeof path, "%s/req-%06u.json", argv[1], n);
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) { logline("spool %s", path, errno); sleep(1); continue; }
    dprintf(fd, "{\"request\": %u}\n", n);
    if (n % 100 == 0) logline("spooled %s", path, 0);
  }
}
