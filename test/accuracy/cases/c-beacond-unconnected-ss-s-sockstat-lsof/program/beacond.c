/* beacond: prepares a probe socket per tick for a beacon it never dials (bug: the
 * connect() was removed in a refactor, the socket is kept "for later"). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("beacond: started pid=%d\n", (int)getpid());
  for (int tick = 0; tick < 100000; tick++) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
      printf("beacond: tick %d: socket: %s\n", tick, strerror(errno));
      sleep(1);
      continue;
    }
    if (tick % 50 == 0) printf("beacond: tick %d: probe socket fd=%d ready\n", tick, fd);
    usleep(5000);
  }
  return 0;
}
