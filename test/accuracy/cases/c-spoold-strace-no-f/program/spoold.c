/* spoold: a single-threaded spool scanner written for this case.
 *
 * Every 25 ms it looks at the next job file of the spool (job-000.dat .. job-049.dat, round
 * robin), reads its header and, when the job is still pending, "hands it on" (here: nothing).
 * The bug: the early return for jobs whose header says DONE skips the close(), so every scan of a
 * finished job leaves one more fd open. open() returns ever higher fds until EMFILE; from then on
 * every scan fails and is reported on stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int scan(const char *path)
{
    char hdr[64];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "spoold: open %s: %s\n", path, strerror(errno));
        return -1;
    }
    ssize_t n = read(fd, hdr, sizeof hdr - 1);
    if (n <= 0) {
        close(fd);
        return -1;
    }
    hdr[n] = 0;
    if (strncmp(hdr, "DONE", 4) == 0)
        return 0;                       /* BUG: fd never closed on this path */
    /* a pending job would be handed on here */
    close(fd);
    return 1;
}

int main(void)
{
    char path[64];
    struct timespec tick = {0, 25 * 1000 * 1000};
    setvbuf(stderr, NULL, _IOLBF, 0);
    for (unsigned i = 0;; i++) {
        snprintf(path, sizeof path, "spool/job-%03u.dat", i % 50);
        scan(path);
        nanosleep(&tick, NULL);
    }
}
