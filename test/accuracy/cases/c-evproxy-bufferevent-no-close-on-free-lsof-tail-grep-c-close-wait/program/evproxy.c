/* evproxy: libevent line server. Bug: bufferevent_socket_new() without BEV_OPT_CLOSE_ON_FREE,
   so bufferevent_free() on EOF leaves the socket open (CLOSE_WAIT). */
#include <event2/event.h>
#include <event2/listener.h>
#include <event2/bufferevent.h>
#include <event2/buffer.h>
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
static struct event_base *base; static struct evconnlistener *lst; static struct event *resume;
static void ts(char *b, size_t n) { time_t t = time(NULL); strftime(b, n, "%Y/%m/%d %H:%M:%S", gmtime(&t)); }
static void read_cb(struct bufferevent *bev, void *a) { (void)a; evbuffer_add_buffer(bufferevent_get_output(bev), bufferevent_get_input(bev)); }
static void event_cb(struct bufferevent *bev, short w, void *a) { (void)a; if (w & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) bufferevent_free(bev); }
static void accept_cb(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa, int sl, void *a) {
  (void)l; (void)sa; (void)sl; (void)a;
  struct bufferevent *bev = bufferevent_socket_new(base, fd, 0); /* BUG: no BEV_OPT_CLOSE_ON_FREE */
  bufferevent_setcb(bev, read_cb, NULL, event_cb, NULL); bufferevent_enable(bev, EV_READ | EV_WRITE);
}
static void resume_cb(evutil_socket_t f, short w, void *a) { (void)f; (void)w; (void)a; evconnlistener_enable(lst); }
static void accept_error_cb(struct evconnlistener *l, void *a) {
  (void)a; int err = EVUTIL_SOCKET_ERROR(); char b[32]; ts(b, sizeof b);
  fprintf(stderr, "%s [error] evconnlistener: accept error %d (%s)\n", b, err, evutil_socket_error_to_string(err)); fflush(stderr);
  evconnlistener_disable(l); struct timeval tv = {1, 0}; evtimer_add(resume, &tv);
}
int main(void) {
  base = event_base_new(); struct sockaddr_in sin; memset(&sin, 0, sizeof sin);
  sin.sin_family = AF_INET; sin.sin_port = htons(7402); sin.sin_addr.s_addr = htonl(0x7f000001);
  lst = evconnlistener_new_bind(base, accept_cb, NULL, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, -1, (struct sockaddr *)&sin, sizeof sin);
  if (!lst) { perror("evconnlistener_new_bind"); return 1; }
  evconnlistener_set_error_cb(lst, accept_error_cb); resume = evtimer_new(base, resume_cb, NULL);
  event_base_dispatch(base); return 0;
}
