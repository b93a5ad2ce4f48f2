/* uvjobrun: libuv job runner; runs a command per job with uv_spawn and a UV_CREATE_PIPE
   stdout. Bug: on exit it closes the process handle but never the stdout pipe. */
#include <uv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static uv_loop_t *loop; static int jobs;
static void logf_(const char *lvl, const char *m) {
  char ts[32]; time_t t = time(NULL); strftime(ts, sizeof ts, "%b %d %H:%M:%S", gmtime(&t));
  printf("%s jobrun: %s %s\n", ts, lvl, m); fflush(stdout);
}
static void alloc_cb(uv_handle_t *h, size_t s, uv_buf_t *b) { static char buf[4096]; (void)h; (void)s; *b = uv_buf_init(buf, sizeof buf); }
static void read_cb(uv_stream_t *p, ssize_t n, const uv_buf_t *b) { (void)b; if (n < 0) uv_read_stop(p); /* BUG: pipe never uv_close()d */ }
static void exit_cb(uv_process_t *p, int64_t st, int sig) { (void)st; (void)sig; uv_close((uv_handle_t *)p, (uv_close_cb)free); }
static void tick(uv_timer_t *t) {
  (void)t;
  uv_process_t *p = malloc(sizeof *p); uv_pipe_t *out = malloc(sizeof *out); uv_pipe_init(loop, out, 0);
  char *args[] = {"/bin/echo", "ok", NULL};
  uv_stdio_container_t io[3] = {{UV_IGNORE, {0}}, {UV_CREATE_PIPE | UV_WRITABLE_PIPE, {.stream = (uv_stream_t *)out}}, {UV_INHERIT_FD, {.fd = 2}}};
  uv_process_options_t o = {0}; o.exit_cb = exit_cb; o.file = args[0]; o.args = args; o.stdio = io; o.stdio_count = 3;
  int r = uv_spawn(loop, p, &o);
  if (r) { char m[128]; snprintf(m, sizeof m, "job %d: uv_spawn: %s", ++jobs, uv_strerror(r)); logf_("error", m); free(p); uv_close((uv_handle_t *)out, (uv_close_cb)free); return; }
  uv_read_start((uv_stream_t *)out, alloc_cb, read_cb);
  if (++jobs % 50 == 0) { char m[64]; snprintf(m, sizeof m, "%d jobs run", jobs); logf_("info", m); }
}
int main(void) {
  loop = uv_default_loop(); uv_timer_t t; uv_timer_init(loop, &t); uv_timer_start(&t, tick, 0, 150);
  return uv_run(loop, UV_RUN_DEFAULT);
}
