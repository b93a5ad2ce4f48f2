/* bncd: a tiny IRC-bouncer-like daemon written for an fdleak accuracy case.
 * Each client that attaches gets an eventfd used to wake it when the upstream
 * network has backlog for it. On detach the client socket is closed, but the
 * eventfd is forgotten, never closed (the bug). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAXC 4096
struct client { int sock; int wake; };
static struct client clients[MAXC];

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 16667;
    int srv = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, (struct sockaddr *)&a, sizeof a) || listen(srv, 64)) { perror("bind"); return 1; }
    fprintf(stderr, "bncd[%d]: listening on 127.0.0.1:%d\n", getpid(), port);
    for (;;) {
        struct pollfd p[MAXC + 1]; int idx[MAXC + 1], n = 0;
        p[n].fd = srv; p[n].events = POLLIN; idx[n++] = -1;
        for (int i = 0; i < MAXC; i++) if (clients[i].sock > 0) { p[n].fd = clients[i].sock; p[n].events = POLLIN; idx[n++] = i; }
        if (poll(p, n, 1000) <= 0) continue;
        if (p[0].revents & POLLIN) {
            int c = accept(srv, NULL, NULL);
            if (c < 0) { perror("bncd: accept"); continue; }
            int w = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
            if (w < 0) { perror("bncd: eventfd"); close(c); continue; }
            for (int i = 0; i < MAXC; i++) if (clients[i].sock <= 0) { clients[i].sock = c; clients[i].wake = w; break; }
            write(c, ":bncd NOTICE * :attached\r\n", 26);
        }
        for (int k = 1; k < n; k++) {
            if (!(p[k].revents & (POLLIN | POLLHUP))) continue;
            char buf[512];
            ssize_t r = read(p[k].fd, buf, sizeof buf);
            if (r <= 0) {           /* detach */
                close(clients[idx[k]].sock);
                clients[idx[k]].sock = 0;   /* BUG: clients[idx[k]].wake is never closed */
            }
        }
    }
}
