// mqd: an order dispatcher that opens the orders queue for every message it posts and never
// calls mq_close: one mqueue descriptor on /orders per message.
#include <mqueue.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
int main(int c, char **v) {
  FILE *logf = fopen(c > 1 ? v[1] : "mqd.log", "a");
  struct mq_attr at = { .mq_maxmsg = 8, .mq_msgsize = 64 };
  mqd_t r = mq_open("/orders", O_CREAT | O_RDONLY | O_NONBLOCK, 0600, &at);   /* the consumer's end */
  char buf[64];
  for (long n = 1;; n++) {
    mqd_t q = mq_open("/orders", O_WRONLY | O_NONBLOCK);
    if (q == (mqd_t)-1) { fprintf(logf, "mqd: order %ld: mq_open /orders: %s\n", n, strerror(errno)); fflush(logf); sleep(1); continue; }
    snprintf(buf, sizeof buf, "order-%ld", n);
    mq_send(q, buf, strlen(buf), 0);
    while (mq_receive(r, buf, sizeof buf, 0) > 0) {}
    if (n % 25 == 0) { fprintf(logf, "mqd: %ld orders dispatched\n", n); fflush(logf); }
    usleep(60000);
  }
}
