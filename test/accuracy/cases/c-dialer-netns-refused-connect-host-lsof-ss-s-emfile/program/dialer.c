/* dialer: reconnects to its upstream every 20 ms; on a failed connect it logs and retries,
   forgetting to close the socket it made (the leak). Runs in its own network namespace. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
#include <arpa/inet.h>
#include <sys/socket.h>
static void logf_(const char *msg, int err) {
  char ts[32]; time_t t = time(NULL); strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", gmtime(&t));
  printf("%s dialer[%d]: %s: %s\n", ts, getpid(), msg, strerror(err)); fflush(stdout);
}
int main(void) {
  struct sockaddr_in up = {0}; up.sin_family = AF_INET; up.sin_port = htons(6380);
  inet_pton(AF_INET, "127.0.0.1", &up.sin_addr);
  for (int failures = 0;; usleep(20000)) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) { logf_("socket", errno); sleep(1); continue; }
    if (connect(fd, (struct sockaddr *)&up, sizeof up) < 0) {
      if (++failures % 50 == 1) logf_("connect 127.0.0.1:6380", errno);
      continue; /* BUG: fd never closed */
    }
    close(fd);
  }
}
