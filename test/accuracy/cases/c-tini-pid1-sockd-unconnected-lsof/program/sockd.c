/* sockd: a probe daemon that opens a TCP socket per probe and, on the "skip" path, never
   connects or closes it. Stops opening at 300 and idles. */
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
#include <stdio.h>
int main(void) {
  int kept = 0;
  for (;;) {
    if (kept < 300) {
      int s = socket(AF_INET, SOCK_STREAM, 0);
      if (s < 0) { perror("sockd: socket"); sleep(1); continue; }
      kept++; /* probe skipped: s is neither connected nor closed */
    }
    usleep(20000);
  }
}
