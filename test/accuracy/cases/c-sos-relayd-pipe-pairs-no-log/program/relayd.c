/* relayd: makes a pipe per relayed message to hand it to a worker that was
   never started, and never closes either end. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
int main(void) {
  unsigned long n = 0;
  fprintf(stderr, "relayd[%d]: started\n", getpid());
  for (;;) {
    int p[2];
    n++;
    if (pipe(p) < 0) {
      time_t t = time(NULL);
      char b[32];
      strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%S", gmtime(&t));
      fprintf(stderr, "%s relayd[%d]: relay %lu: pipe: %s\n", b, getpid(), n, strerror(errno));
      sleep(2);
      continue;
    }
    write(p[1], "msg\n", 4);
    usleep(20000);
  }
}
