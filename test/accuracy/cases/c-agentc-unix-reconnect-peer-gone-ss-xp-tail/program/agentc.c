/* agentc: asks the local agent over its unix socket; reconnects per request, never closes the old one */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
static int conn = -1;
static int reconnect(const char *path) {
  conn = socket(AF_UNIX, SOCK_STREAM, 0); /* BUG: the previous conn is dropped, not closed */
  if (conn < 0) { fprintf(stderr, "agentc: socket: %m\n"); return -1; }
  struct sockaddr_un a = {0}; a.sun_family = AF_UNIX; strncpy(a.sun_path, path, sizeof a.sun_path - 1);
  return connect(conn, (struct sockaddr *)&a, sizeof a);
}
int main(int argc, char **argv) {
  char buf[64];
  for (;;) {
    if (reconnect(argv[1]) == 0) { write(conn, "status\n", 7); read(conn, buf, sizeof buf); }
    usleep(20000);
  }
}
