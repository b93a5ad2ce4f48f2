/* A toy file-share daemon written for this case: each "directory listing" request opens the
 * directory with opendir(), reads until it finds the entry it wants and returns early -- without
 * closedir() on that path. Requests come every 10 ms; the directory streams pile up. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static FILE *logf;

static void logmsg(const char *msg) {
    char ts[32];
    time_t t = time(NULL);
    strftime(ts, sizeof ts, "%b %d %H:%M:%S", localtime(&t));
    fprintf(logf, "%s nas1 shared[%d]: %s\n", ts, (int)getpid(), msg);
    fflush(logf);
}

/* Does folder `dir` hold an entry named `want`? */
static int has_entry(const char *dir, const char *want) {
    DIR *d = opendir(dir);
    if (!d) {
        char buf[512];
        snprintf(buf, sizeof buf, "list %s: opendir failed: %s", dir, strerror(errno));
        logmsg(buf);
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, want) == 0)
            return 1;          /* BUG: early return leaks the DIR stream */
    closedir(d);
    return 0;
}

int main(int argc, char **argv) {
    const char *root = argv[1];
    logf = fopen(argv[2], "a");
    logmsg("share ready");
    for (unsigned long n = 0;; n++) {
        char dir[256];
        snprintf(dir, sizeof dir, "%s/users/u%02lu", root, n % 40);
        has_entry(dir, "Desktop");
        usleep(10000);
    }
}
