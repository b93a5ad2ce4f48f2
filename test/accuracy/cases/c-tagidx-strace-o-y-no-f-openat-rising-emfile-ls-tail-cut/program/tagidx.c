/* tagidx: single-threaded tag indexer; opens each tag file and forgets to close it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "tags";
    char path[512], buf[128];
    int idx = 0;
    for (;;) {
        DIR *d = opendir(dir);
        if (!d) { fprintf(stderr, "tagidx[%d]: opendir %s: %s\n", getpid(), dir, strerror(errno)); sleep(5); continue; }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            int fd = open(path, O_RDONLY);
            if (fd < 0) {
                fprintf(stderr, "tagidx[%d]: open %s: %s\n", getpid(), path, strerror(errno));
                usleep(500000);
                continue;
            }
            ssize_t n = read(fd, buf, sizeof buf);
            if (n > 0) idx++;
            /* BUG: fd never closed */
            usleep(2000);
        }
        closedir(d);
        fprintf(stderr, "tagidx[%d]: indexed %d tags\n", getpid(), idx);
        sleep(1);
    }
}
