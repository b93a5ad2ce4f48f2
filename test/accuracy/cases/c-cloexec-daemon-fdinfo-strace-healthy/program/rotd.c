#define _GNU_SOURCE
/* rotd: a C daemon whose every fd is close-on-exec (O_CLOEXEC, SOCK_CLOEXEC, pipe2): it keeps
 * its log, a listener and a self-pipe, and fork+execs a compressor ("sleep 1") every 300 ms. */
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int log = open("/var/tmp/acc180/rotd/rotd.log", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1; setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a; memset(&a, 0, sizeof a); a.sin_family = AF_INET;
  a.sin_port = htons(19808); a.sin_addr.s_addr = htonl(0x7f000001);
  bind(ls, (struct sockaddr *)&a, sizeof a); listen(ls, 16);
  int sp[2]; pipe2(sp, O_CLOEXEC);
  for (int n = 0; n < 100000; n++) {
    int f = open("/var/tmp/acc180/rotd/segment.dat", O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
    pid_t p = fork();
    if (p == 0) { execl("/bin/sleep", "sleep", "1", (char *)NULL); _exit(127); }
    dprintf(log, "segment %d compressor pid %d\n", n, (int)p);
    close(f);
    usleep(300000);
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
  }
  return 0;
}
