/* sinkd: local unix datagram sink: reads and drops records */
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(int argc, char **argv) {
  unlink(argv[1]);
  int s = socket(AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un a = {0}; a.sun_family = AF_UNIX; strncpy(a.sun_path, argv[1], sizeof a.sun_path - 1);
  if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) return 1;
  char buf[512];
  for (;;) recv(s, buf, sizeof buf, 0);
}
