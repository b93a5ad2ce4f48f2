/* evjobd: runs each job on an event_base of its own and never event_base_free()s it:
   every job leaves its epoll fd and its notification eventfd open. */
#include <event2/event.h>
#include <event2/thread.h>
#include <stdio.h>
#include <unistd.h>
#include <time.h>
static void done(evutil_socket_t f, short w, void *a) { (void)f; (void)w; ++*(int *)a; }
int main(void) {
  evthread_use_pthreads(); int n = 0;
  for (;;) {
    struct event_base *b = event_base_new(); /* BUG: never event_base_free(b) */
    if (!b) { time_t t = time(NULL); char ts[32]; strftime(ts, sizeof ts, "%H:%M:%S", gmtime(&t));
      fprintf(stderr, "%s evjobd: job %d: event_base_new() failed\n", ts, n + 1); fflush(stderr); sleep(2); continue; }
    struct timeval tv = {0, 1000}; struct event *ev = evtimer_new(b, done, &n); evtimer_add(ev, &tv);
    event_base_dispatch(b); event_free(ev); usleep(300000);
  }
}
