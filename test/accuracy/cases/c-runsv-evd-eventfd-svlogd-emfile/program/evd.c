/* evd: a notifier that makes an eventfd per subscriber and never closes it when the subscriber
   goes away. On failure it reports to stderr (runsv's log service) and retries each second. */
#include <sys/eventfd.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
int main(void) {
  setvbuf(stderr, NULL, _IOLBF, 0);
  for (unsigned long sub = 0;; sub++) {
    int fd = eventfd(0, EFD_CLOEXEC);
    if (fd < 0) { fprintf(stderr, "evd: subscriber %lu: eventfd: %s\n", sub, strerror(errno)); sleep(1); continue; }
    usleep(5000);
  }
}
