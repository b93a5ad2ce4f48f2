/* evpoolc: libevent client keeping a pool of 8 connections to its backend, reused for every
   request; a connection that ends is freed with BEV_OPT_CLOSE_ON_FREE and redialled (healthy). */
#include <event2/event.h>
#include <event2/bufferevent.h>
#include <event2/buffer.h>
#include <arpa/inet.h>
#include <string.h>
#define POOL 8
static struct event_base *base; static struct bufferevent *pool[POOL]; static struct sockaddr_in up;
static void event_cb(struct bufferevent *bev, short w, void *a);
static void read_cb(struct bufferevent *bev, void *a) { (void)a; evbuffer_drain(bufferevent_get_input(bev), evbuffer_get_length(bufferevent_get_input(bev))); }
static void dial(int i) {
  pool[i] = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
  bufferevent_setcb(pool[i], read_cb, NULL, event_cb, (void *)(long)i); bufferevent_enable(pool[i], EV_READ | EV_WRITE);
  bufferevent_socket_connect(pool[i], (struct sockaddr *)&up, sizeof up);
}
static void event_cb(struct bufferevent *bev, short w, void *a) { if (w & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) { bufferevent_free(bev); dial((int)(long)a); } }
static void tick(evutil_socket_t f, short w, void *a) { (void)f; (void)w; (void)a; static int r; bufferevent_write(pool[r++ % POOL], "GET /quote\n", 11); }
int main(void) {
  base = event_base_new(); memset(&up, 0, sizeof up); up.sin_family = AF_INET; up.sin_port = htons(7404); up.sin_addr.s_addr = htonl(0x7f000001);
  for (int i = 0; i < POOL; i++) dial(i);
  struct event *t = event_new(base, -1, EV_PERSIST, tick, NULL); struct timeval tv = {0, 20000}; event_add(t, &tv);
  return event_base_dispatch(base);
}
