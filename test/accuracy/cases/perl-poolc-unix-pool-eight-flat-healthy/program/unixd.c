/* unixd: local unix stream service; mode "close" answers and hangs up, mode "keep" keeps each client */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(int argc, char **argv) {
  const char *path = argv[1]; int keep = argc > 2 && strcmp(argv[2], "keep") == 0;
  unlink(path);
  int l = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a = {0}; a.sun_family = AF_UNIX; strncpy(a.sun_path, path, sizeof a.sun_path - 1);
  if (bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 128) < 0) return 1;
  struct pollfd p[256]; int n = 1; p[0].fd = l; p[0].events = POLLIN;
  char buf[256];
  for (;;) {
    poll(p, n, -1);
    if (p[0].revents & POLLIN) {
      int c = accept(l, 0, 0);
      if (c >= 0) {
        if (!keep) { ssize_t r = read(c, buf, sizeof buf); if (r > 0) write(c, "ok\n", 3); close(c); }
        else if (n < 256) { p[n].fd = c; p[n].events = POLLIN; n++; } else close(c);
      }
    }
    for (int i = 1; i < n; i++) if (p[i].revents & (POLLIN | POLLHUP)) {
      ssize_t r = read(p[i].fd, buf, sizeof buf);
      if (r <= 0) { close(p[i].fd); p[i] = p[--n]; i--; } else write(p[i].fd, "ok\n", 3);
    }
  }
}
