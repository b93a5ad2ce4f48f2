/* procstatd: a small metrics agent written for this case (collectd's "processes" plugin in
 * miniature). Every interval it counts the open fds of each watched pid by reading
 * /proc/PID/fd, and prints a metric line. The early return taken when a pid's fd count is
 * over its "report threshold" skips closedir(): each such read leaks one DIR handle. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void stamp(char *buf, size_t n) {
    time_t t = time(NULL);
    strftime(buf, n, "%Y-%m-%d %H:%M:%S", localtime(&t));
}

static int count_fds(int pid, int threshold) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd", pid);
    DIR *d = opendir(path);
    if (!d) {
        char ts[32]; stamp(ts, sizeof ts);
        printf("[%s] [error] processes plugin: opendir %s failed: %s\n", ts, path, strerror(errno));
        fflush(stdout);
        return -1;
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (++n > threshold) return n; /* BUG: returns without closedir(d) */
    }
    closedir(d);
    return n;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: procstatd PID...\n"); return 2; }
    for (;;) {
        for (int i = 1; i < argc; i++) {
            int pid = atoi(argv[i]);
            int n = count_fds(pid, 2);
            if (n >= 0) {
                char ts[32]; stamp(ts, sizeof ts);
                printf("[%s] [info] processes plugin: pid=%d fds=%d\n", ts, pid, n);
                fflush(stdout);
            }
        }
        usleep(20000);
    }
}
