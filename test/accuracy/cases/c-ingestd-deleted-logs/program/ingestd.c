/* ingestd: a single-threaded C ingester written for this case, with its own size-based log
 * rotation (time compressed: a 16 KB log, rotated ~10 times a second, keep 3).
 *
 * rotate(): ingest.log.2 -> .3, .1 -> .2, ingest.log -> .1, unlink the old .3, open a fresh
 * ingest.log. The bug: the fd of the log being rotated away is never closed. The process keeps
 * every old log open: the last three under their new names, all older ones deleted, their disk
 * space still held (lsof: "(deleted)").
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DIR "/tmp/accn/c-ingestd/"
static int logfd = -1;
static long logsize;

static void rotate(void)
{
    unlink(DIR "ingest.log.3");
    rename(DIR "ingest.log.2", DIR "ingest.log.3");
    rename(DIR "ingest.log.1", DIR "ingest.log.2");
    rename(DIR "ingest.log", DIR "ingest.log.1");
    /* BUG: close(logfd) missing */
    logfd = open(DIR "ingest.log", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    logsize = 0;
}

int main(void)
{
    char line[4096];
    struct timespec tick = {0, 25 * 1000 * 1000};
    logfd = open(DIR "ingest.log", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    for (unsigned batch = 1;; batch++) {
        int n = snprintf(line, sizeof line, "batch %u: 120 records accepted, 0 rejected; ", batch);
        memset(line + n, '.', sizeof line - n - 1);
        line[sizeof line - 1] = '\n';
        if (logsize + (long)sizeof line > 16384)
            rotate();
        if (write(logfd, line, sizeof line) > 0)
            logsize += sizeof line;
        nanosleep(&tick, NULL);
    }
}
