/* logd: a small C daemon that handles a "request" every 100 ms and, for each, dup()s its log fd
 * to hand to a per-request writer, which never closes it (the bug). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>

int main(int argc, char **argv) {
    int logfd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (logfd < 0) return 1;
    for (unsigned long req = 1;; req++) {
        int fd = dup(logfd);
        char line[256];
        time_t t = time(NULL);
        struct tm tm; gmtime_r(&t, &tm);
        char ts[32]; strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
        if (fd < 0) {
            int n = snprintf(line, sizeof line, "%s logd[%d]: request %lu: dup: %s\n", ts, getpid(), req, strerror(errno));
            write(logfd, line, n);
        } else {
            int n = snprintf(line, sizeof line, "%s logd[%d]: request %lu handled\n", ts, getpid(), req);
            write(fd, line, n); /* fd is never closed */
        }
        usleep(100000);
    }
}
