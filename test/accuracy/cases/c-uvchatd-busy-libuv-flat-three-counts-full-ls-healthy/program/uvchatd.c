/* uvchatd: libuv echo server that closes every connection it ends (healthy). */
#include <uv.h>
#include <stdio.h>
#include <stdlib.h>
static uv_loop_t *loop;
static void alloc_cb(uv_handle_t *h, size_t s, uv_buf_t *b) { (void)h; (void)s; static char buf[4096]; *b = uv_buf_init(buf, sizeof buf); }
static void write_cb(uv_write_t *w, int st) { (void)st; free(w); }
static void read_cb(uv_stream_t *c, ssize_t n, const uv_buf_t *b) {
  if (n < 0) { uv_close((uv_handle_t *)c, (uv_close_cb)free); return; }
  if (n == 0) return;
  uv_write_t *w = malloc(sizeof *w); uv_buf_t o = uv_buf_init(b->base, n); uv_write(w, c, &o, 1, write_cb);
}
static void on_conn(uv_stream_t *srv, int status) {
  if (status < 0) { fprintf(stderr, "uvchatd: %s\n", uv_strerror(status)); return; }
  uv_tcp_t *c = malloc(sizeof *c); uv_tcp_init(loop, c);
  if (uv_accept(srv, (uv_stream_t *)c) == 0) uv_read_start((uv_stream_t *)c, alloc_cb, read_cb); else uv_close((uv_handle_t *)c, (uv_close_cb)free);
}
int main(int argc, char **argv) {
  loop = uv_default_loop(); uv_tcp_t srv; uv_tcp_init(loop, &srv); struct sockaddr_in a;
  uv_ip4_addr("127.0.0.1", argc > 1 ? atoi(argv[1]) : 7403, &a); uv_tcp_bind(&srv, (const struct sockaddr *)&a, 0);
  if (uv_listen((uv_stream_t *)&srv, 128, on_conn)) return 1;
  return uv_run(loop, UV_RUN_DEFAULT);
}
