/* probec: probes a backend port every 20 ms; on a refused connect it forgets to close the socket. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(9399);
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    unsigned long n = 0, down = 0;
    for (;;) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0) { fprintf(stderr, "probec[%d]: socket: %s\n", getpid(), strerror(errno)); sleep(1); continue; }
        if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
            down++;                       /* BUG: s is never closed on this path */
            if (down % 100 == 0) fprintf(stderr, "probec[%d]: backend down (%lu failed probes)\n", getpid(), down);
        } else {
            close(s);
        }
        n++;
        usleep(20000);
    }
}
