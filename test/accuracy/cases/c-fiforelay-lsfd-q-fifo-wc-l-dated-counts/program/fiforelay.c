/* fiforelay: relays each job's payload through a pipe; closes the read end
 * after draining it but forgets the write end (the leak: one FIFO fd per job). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    char buf[64];
    for (unsigned long n = 0;; n++) {
        int p[2];
        if (pipe(p) < 0) { perror("fiforelay: pipe"); sleep(1); continue; }
        int len = snprintf(buf, sizeof buf, "job %lu\n", n);
        write(p[1], buf, len);
        read(p[0], buf, sizeof buf);
        close(p[0]);            /* p[1] is never closed */
        usleep(100000);
    }
}
