/* A router's link watcher, in the style of small OpenWrt daemons: every poll it asks the
 * kernel for the link table over a fresh NETLINK_ROUTE socket. The bug: the error path
 * and the normal path both return without close(), so one netlink socket leaks per poll. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

static FILE *logf;

static void logmsg(const char *lvl, const char *fmt, const char *arg) {
	time_t t = time(NULL); char ts[32];
	strftime(ts, sizeof ts, "%a %b %e %H:%M:%S %Y", localtime(&t));
	fprintf(logf, "%s daemon.%s linkwatchd[%d]: ", ts, lvl, getpid());
	fprintf(logf, fmt, arg); fputc('\n', logf); fflush(logf);
}

static int dump_links(void) {
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0) { logmsg("err", "netlink socket: %s", strerror(errno)); return -1; }
	struct { struct nlmsghdr nh; struct ifinfomsg ifi; } req;
	memset(&req, 0, sizeof req);
	req.nh.nlmsg_len = sizeof req; req.nh.nlmsg_type = RTM_GETLINK;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP; req.ifi.ifi_family = AF_UNSPEC;
	if (send(fd, &req, sizeof req, 0) < 0) return -1;      /* leaks fd */
	char buf[16384]; ssize_t n;
	while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		if (h->nlmsg_type == NLMSG_DONE) break;
	}
	return 0;                                               /* leaks fd */
}

int main(int argc, char **argv) {
	logf = fopen(argv[1], "a");
	if (!logf) return 1;
	logmsg("info", "%s", "started, polling links");
	for (unsigned long i = 1;; i++) {
		if (dump_links() < 0) { sleep(1); continue; }
		if (i % 200 == 0) { char b[32]; snprintf(b, sizeof b, "%lu", i); logmsg("info", "poll %s: links ok", b); }
		usleep(5000);
	}
}
