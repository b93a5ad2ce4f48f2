/* Pre-forking proxy: the master forks 5 workers; every 100 ms each worker tries its upstream.
 * Worker 3's upstream (127.0.0.1:1) refuses, and its retry path returns without closing the
 * socket (the bug): each failed attempt leaves a TCP socket in no connection table.
 * The other workers' upstream is the master's own listener; they connect, then close. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static FILE *logf;
static void logm(const char *m, int n) {
  fprintf(logf, "%ld cpref[%d]: worker %d: %s\n", (long)time(NULL), getpid(), n, m);
  fflush(logf);
}
static int try_upstream(int port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) return -errno;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) return -errno; /* leak: s not closed */
  close(s);
  return 0;
}
int main(int argc, char **argv) {
  logf = fopen(argc > 1 ? argv[1] : "cpref.log", "a");
  int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(18686)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(l, (struct sockaddr *)&a, sizeof a);
  listen(l, 4096);
  for (int n = 1; n <= 5; n++) {
    if (fork() == 0) {
      int port = n == 3 ? 1 : 18686;
      logm("ready", n);
      for (long i = 1;; i++) {
        int r = try_upstream(port);
        if (r < 0 && (i % 100 == 1 || r == -EMFILE)) logm(strerror(-r), n);
        usleep(100000);
      }
    }
  }
  for (;;) { /* master: drain the listener */
    int c = accept(l, NULL, NULL);
    if (c >= 0) close(c);
  }
}
