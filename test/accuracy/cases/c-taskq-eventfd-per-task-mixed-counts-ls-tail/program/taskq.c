/* A task queue that makes an eventfd per task to signal its completion and never closes it. */
#include <sys/eventfd.h>
#include <sys/epoll.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
    int ep = epoll_create1(EPOLL_CLOEXEC);
    char p[256];
    snprintf(p, sizeof p, "%s/taskq.log", argv[1]);
    int log = open(p, O_WRONLY | O_CREAT | O_APPEND, 0644);
    for (;;) {
        int efd = eventfd(0, EFD_CLOEXEC);       /* leak: never closed */
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = efd};
        epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
        dprintf(log, "task done efd=%d\n", efd);
        sleep(10);
    }
}
