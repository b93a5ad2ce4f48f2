/* resolvd: asks dnsd once per lookup from a fresh UDP socket, never closes it */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
static int lookup(const char *name, int port) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0) { fprintf(stderr, "resolvd[%d]: socket: %m\n", getpid()); return -1; }
  struct timeval tv = {0, 200000};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET; a.sin_port = htons(port); a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(s, (struct sockaddr *)&a, sizeof a);
  send(s, name, strlen(name), 0);
  char buf[512];
  recv(s, buf, sizeof buf, 0);
  return 0; /* BUG: s is never closed */
}
int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 5399;
  int delay = argc > 2 ? atoi(argv[2]) : 20000;
  for (int i = 0;; i++) { lookup("host.example", port); usleep(delay); }
}
