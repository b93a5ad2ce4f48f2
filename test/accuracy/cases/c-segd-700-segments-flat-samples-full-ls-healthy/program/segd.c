/* segd: a read-only segment store; opens every segment once at start and serves reads from them. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#define NSEG 700
int main(void) {
    int fds[NSEG]; char path[256], buf[64];
    for (int i = 0; i < NSEG; i++) {
        snprintf(path, sizeof path, "/tmp/r301-work/segd/data/seg-%03d.dat", i + 1);
        fds[i] = open(path, O_RDONLY | O_CLOEXEC);
        if (fds[i] < 0) { perror(path); return 1; }
    }
    fprintf(stderr, "segd[%d]: %d segments open, serving\n", getpid(), NSEG);
    srand(time(NULL));
    unsigned long reads = 0;
    for (;;) {
        int i = rand() % NSEG;
        if (pread(fds[i], buf, sizeof buf, 0) > 0) reads++;
        if (reads % 20000 == 0) fprintf(stderr, "segd[%d]: %lu reads\n", getpid(), reads);
        usleep(200);
    }
}
