/* rotok: healthy twin of rotlog: open, dup3(O_CLOEXEC) over a fixed fd 10, close the opened fd */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
  char path[256];
  for (unsigned n = 0;; n++) {
    snprintf(path, sizeof path, "%s/ok-%u.log", argv[1], n % 4);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) { perror("open"); sleep(1); continue; }
    if (dup3(fd, 10, O_CLOEXEC) < 0) perror("dup3");
    close(fd);
    dprintf(10, "rotok[%d] cycle %u\n", getpid(), n);
    usleep(100000);
  }
}
