/* healthy: a worker with a pipe to itself and a config it re-reads and closes */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
  int p[2]; if (pipe(p)) return 1;
  const char *cfg = argc > 1 ? argv[1] : "/etc/hostname";
  char buf[256];
  for (;;) {
    int fd = open(cfg, O_RDONLY);
    if (fd >= 0) { (void)read(fd, buf, sizeof buf); close(fd); }
    (void)write(p[1], "x", 1); (void)read(p[0], buf, 1);
    usleep(100000);
  }
}
