/* segstore: a small key-value store that keeps each of its 300 segment files open for its
 * whole life and serves random reads from them. Healthy: the set of files is fixed. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#define NSEG 300
int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  int fds[NSEG];
  char path[512], buf[128];
  for (int i = 0; i < NSEG; i++) {
    snprintf(path, sizeof path, "%s/seg-%06d.dat", dir, i + 1);
    fds[i] = open(path, O_RDWR | O_CREAT, 0644);
    if (fds[i] < 0) { perror(path); return 1; }
    if (pwrite(fds[i], "segment\n", 8, 0) != 8) return 1;
  }
  for (;;) {
    int i = rand() % NSEG;
    if (pread(fds[i], buf, sizeof buf, 0) < 0) perror("pread");
    usleep(1000);
  }
}
