/* logshim: forwards each record to a local syslog-like socket with a fresh SOCK_DGRAM unix socket, never closed */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(int argc, char **argv) {
  struct sockaddr_un a = {0}; a.sun_family = AF_UNIX; strncpy(a.sun_path, argv[1], sizeof a.sun_path - 1);
  for (unsigned long i = 0;; i++) {
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (s < 0) { fprintf(stderr, "logshim[%d]: cannot open log socket: %m\n", getpid()); sleep(1); continue; }
    connect(s, (struct sockaddr *)&a, sizeof a);
    char m[64]; int n = snprintf(m, sizeof m, "<14>logshim: record %lu", i);
    send(s, m, n, 0);
    usleep(20000);
  }
}
