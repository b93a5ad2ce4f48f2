/* prefork: a healthy pre-forking archive server: 6 workers, each keeps its own 300 segment
 * files open (by design, a fixed set) and serves from them; the count never grows. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  system("mkdir -p /tmp/cap168/prefork/seg");
  for (int w = 0; w < 6; w++) {
    if (fork() == 0) {
      char p[128];
      int n = 0;
      for (int i = 0; i < 300; i++) {
        snprintf(p, sizeof p, "/tmp/cap168/prefork/seg/w%d-%03d.seg", w, i);
        if (open(p, O_RDWR | O_CREAT, 0644) >= 0) n++;
      }
      printf("prefork: worker %d pid=%d opened %d segments\n", w, (int)getpid(), n);
      for (;;) pause();
    }
  }
  printf("prefork: master pid=%d started 6 workers\n", (int)getpid());
  while (wait(NULL) > 0) {}
  return 0;
}
