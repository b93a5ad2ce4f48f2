/* A gateway's CGI helper runner: per request it starts /bin/true through a pipe (fork +
 * execv), reads its output, and moves on. The bug: it neither closes the pipe's read end nor
 * waits for the child, so each request leaves one pipe fd and one zombie. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
	for (unsigned i = 0; i < 400; i++) {
		int p[2];
		if (pipe(p) < 0) { perror("pipe"); sleep(1); continue; }
		pid_t c = fork();
		if (c == 0) {
			dup2(p[1], 1); close(p[0]); close(p[1]);
			execl("/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		close(p[1]);
		char buf[64];
		(void)read(p[0], buf, sizeof buf);   /* EOF: the child exited; never reaped, p[0] kept */
		usleep(20000);
	}
	for (;;) pause();
}
