/* A gateway status daemon in the style of small router firmware helpers: per request it
 * forks a child that writes one status line into a pipe, reads it, and reaps the child.
 * The bug: the parent closes the write end but never the read end, so one pipe fd leaks per
 * request (the children are reaped: no zombies). */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
#include <sys/wait.h>

static FILE *logf;

static void logerr(const char *what) {
	time_t t = time(NULL); char ts[32];
	strftime(ts, sizeof ts, "%a %b %e %H:%M:%S %Y", localtime(&t));
	fprintf(logf, "%s daemon.err statusd[%d]: %s: %s\n", ts, getpid(), what, strerror(errno));
	fflush(logf);
}

static int one_request(void) {
	int p[2];
	if (pipe(p) < 0) { logerr("pipe"); return -1; }
	pid_t c = fork();
	if (c < 0) { logerr("fork"); close(p[0]); close(p[1]); return -1; }
	if (c == 0) { close(p[0]); dprintf(p[1], "wan=up uptime=%ld\n", (long)time(NULL)); _exit(0); }
	close(p[1]);
	char buf[128];
	(void)read(p[0], buf, sizeof buf);
	waitpid(c, NULL, 0);
	return 0;                       /* p[0] never closed */
}

int main(int argc, char **argv) {
	logf = fopen(argv[1], "a");
	if (!logf) return 1;
	for (;;) {
		if (one_request() < 0) sleep(1);
		else usleep(8000);
	}
}
