/* A gateway telemetry daemon: for each sample it arms a one-shot timerfd for the sample's
 * retry deadline, waits on it, and sends. The bug: the timerfd is never closed, so one
 * anonymous inode ([timerfd]) leaks per sample. Run as "telemd"; "watchdogd" (argv[1] ==
 * "idle") is a healthy neighbour that holds its few fds and sleeps. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/timerfd.h>

int main(int argc, char **argv) {
	if (argc > 1 && strcmp(argv[1], "idle") == 0) { for (;;) pause(); }
	for (;;) {
		int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
		if (t < 0) { perror("timerfd_create"); sleep(1); continue; }
		struct itimerspec its = { .it_value = { .tv_sec = 0, .tv_nsec = 2000000 } };
		timerfd_settime(t, 0, &its, NULL);
		unsigned long long n; (void)read(t, &n, sizeof n);
		usleep(20000);               /* "send" the sample; t is never closed */
	}
}
