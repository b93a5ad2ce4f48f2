/* uvechod: libuv echo server. Bug: on EOF it stops reading but never uv_close()s the
   accepted uv_tcp_t, so every connection the peer closed stays in CLOSE_WAIT. */
#include <uv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static uv_loop_t *loop;
static void logf_(const char *m, const char *e) {
  char ts[32]; time_t t = time(NULL); strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", gmtime(&t));
  fprintf(stderr, "%s uvechod[%d]: %s: %s\n", ts, (int)uv_os_getpid(), m, e); fflush(stderr);
}
static void alloc_cb(uv_handle_t *h, size_t s, uv_buf_t *b) { static char buf[4096]; (void)h; (void)s; *b = uv_buf_init(buf, sizeof buf); }
static void write_cb(uv_write_t *w, int st) { (void)st; free(w); }
static void read_cb(uv_stream_t *c, ssize_t n, const uv_buf_t *b) {
  if (n < 0) { uv_read_stop(c); return; } /* BUG: no uv_close(c, ...) */
  if (n == 0) return;
  uv_write_t *w = malloc(sizeof *w); uv_buf_t o = uv_buf_init(b->base, n);
  uv_write(w, c, &o, 1, write_cb);
}
static void on_conn(uv_stream_t *srv, int status) {
  if (status < 0) { logf_("new connection error", uv_strerror(status)); return; }
  uv_tcp_t *c = malloc(sizeof *c); uv_tcp_init(loop, c);
  int r = uv_accept(srv, (uv_stream_t *)c);
  if (r) { logf_("uv_accept", uv_strerror(r)); uv_close((uv_handle_t *)c, (uv_close_cb)free); return; }
  uv_read_start((uv_stream_t *)c, alloc_cb, read_cb);
}
int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 7401;
  loop = uv_default_loop(); uv_tcp_t srv; uv_tcp_init(loop, &srv);
  struct sockaddr_in a; uv_ip4_addr("127.0.0.1", port, &a);
  uv_tcp_bind(&srv, (const struct sockaddr *)&a, 0);
  int r = uv_listen((uv_stream_t *)&srv, 128, on_conn);
  if (r) { logf_("uv_listen", uv_strerror(r)); return 1; }
  logf_("listening", "127.0.0.1");
  return uv_run(loop, UV_RUN_DEFAULT);
}
