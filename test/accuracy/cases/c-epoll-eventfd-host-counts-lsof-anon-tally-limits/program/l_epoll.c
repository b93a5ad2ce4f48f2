/* leaker: each session gets an epoll instance and an eventfd for wake-ups; ending a session
   frees its struct but not the two fds */
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
struct session { int ep, ev; };
int main(void) {
  for (int n = 0; n < 100000; n++) {
    struct session *s = malloc(sizeof *s);
    s->ep = epoll_create1(EPOLL_CLOEXEC);
    s->ev = eventfd(0, EFD_CLOEXEC);
    if (s->ep < 0 || s->ev < 0) { perror("session"); free(s); sleep(1); continue; }
    struct epoll_event e = { .events = EPOLLIN, .data.fd = s->ev };
    epoll_ctl(s->ep, EPOLL_CTL_ADD, s->ev, &e);
    free(s); /* BUG: close(s->ep), close(s->ev) missing */
    usleep(30000);
  }
}
