/* leaker: makes a TCP socket per job, and on the path that finds no backend returns before
   connect() without close() */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
int main(void) {
  for (int job = 0; job < 100000; job++) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) { perror("socket"); sleep(1); continue; }
    if (job % 5 != 0) { /* "no backend": BUG, s is never closed */ }
    else close(s);
    usleep(25000);
  }
}
