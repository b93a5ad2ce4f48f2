#define _GNU_SOURCE
/* acceptd: a tiny line server on 127.0.0.1. Each connection: read one request, answer, close.
 * With ACCEPTD_BUG=1, a client that hangs up before sending anything (read() == 0) is
 * forgotten: the early `continue` skips close(), leaving the socket in CLOSE_WAIT. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 7301;
  int bug = getenv("ACCEPTD_BUG") != NULL;
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 128)) { perror("listen"); return 1; }
  fprintf(stderr, "acceptd: listening on 127.0.0.1:%d\n", port);
  for (;;) {
    int c = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0) { perror("acceptd: accept4"); sleep(1); continue; }
    char buf[256];
    ssize_t n = read(c, buf, sizeof buf);
    if (n <= 0) {
      if (bug) continue; /* BUG: the fd is never closed */
      close(c);
      continue;
    }
    static const char ok[] = "OK\n";
    write(c, ok, sizeof ok - 1);
    close(c);
  }
}
