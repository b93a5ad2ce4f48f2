/* indexer: keeps its log open, reads 50 segment files and closes each. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
  FILE *log = fopen("/tmp/r227/c2/indexer.log", "a");
  if (!log) return 1;
  for (int i = 0; i < 50; i++) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/r227/c2/seg/seg-%02d.dat", i);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { fprintf(log, "open %s failed\n", path); continue; }
    char b[64];
    ssize_t n = read(fd, b, sizeof b);
    fprintf(log, "indexed %s (%zd bytes)\n", path, n);
    close(fd);
  }
  fflush(log);
  return 0; /* the log stays open until exit, on purpose */
}
