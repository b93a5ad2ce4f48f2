// ifwatch: a link monitor whose poller thread opens a NETLINK_ROUTE socket per query to dump the
// links, and returns without closing it when the dump is done: one netlink socket per query.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
static FILE *logf;
static int query(long n) {
  int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (s < 0) return -1;
  struct { struct nlmsghdr h; struct ifinfomsg i; } req;
  memset(&req, 0, sizeof req);
  req.h.nlmsg_len = sizeof req; req.h.nlmsg_type = RTM_GETLINK;
  req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP; req.h.nlmsg_seq = n;
  send(s, &req, sizeof req, 0);
  char buf[8192]; int links = 0;
  for (;;) {
    int len = recv(s, buf, sizeof buf, 0); if (len <= 0) break;
    struct nlmsghdr *h = (void *)buf; int done = 0;
    for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) { if (h->nlmsg_type == NLMSG_DONE) { done = 1; break; } links++; }
    if (done) break;
  }
  return links;   /* s is never closed */
}
static void *poller(void *a) {
  (void)a;
  for (long n = 1;; n++) {
    int k = query(n);
    char ts[32]; time_t t = time(0); strftime(ts, sizeof ts, "%H:%M:%S", localtime(&t));
    if (k < 0) fprintf(logf, "%s ifwatch[poller]: query %ld: socket(AF_NETLINK): %s\n", ts, n, strerror(errno));
    else fprintf(logf, "%s ifwatch[poller]: query %ld: %d links\n", ts, n, k);
    fflush(logf);
    usleep(k < 0 ? 1000000 : 50000);
  }
  return 0;
}
int main(int c, char **v) {
  logf = fopen(c > 1 ? v[1] : "ifwatch.log", "a");
  pthread_t t; pthread_create(&t, 0, poller, 0); pthread_join(t, 0);
}
