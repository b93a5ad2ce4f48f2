/* rotlog: every rotation opens a new log, dup2()s it over stderr, and forgets to close the opened fd */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <time.h>
int main(int argc, char **argv) {
  char path[256];
  for (unsigned n = 0;; n++) {
    snprintf(path, sizeof path, "%s/app-%u.log", argv[1], n);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) { perror("open"); sleep(1); continue; }
    if (dup2(fd, 2) < 0) perror("dup2");
    /* BUG: close(fd) missing */
    fprintf(stderr, "rotlog[%d] rotated to %s\n", getpid(), path);
    usleep(50000);
  }
}
