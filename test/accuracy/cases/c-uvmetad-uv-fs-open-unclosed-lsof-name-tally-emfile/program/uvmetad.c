/* uvmetad: libuv service that reads its state file on every tick with uv_fs_open and
   never uv_fs_close()s the file it opened. */
#include <uv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static uv_loop_t *loop; static const char *path;
static void logf_(const char *m, const char *e) {
  char ts[32]; time_t t = time(NULL); strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
  fprintf(stderr, "[%s] ERROR %s: %s\n", ts, m, e); fflush(stderr);
}
static void open_cb(uv_fs_t *req) {
  if (req->result < 0) { char m[256]; snprintf(m, sizeof m, "uv_fs_open(%s)", path); logf_(m, uv_strerror((int)req->result)); }
  /* BUG: the fd in req->result is never uv_fs_close()d */
  uv_fs_req_cleanup(req); free(req);
}
static void tick(uv_timer_t *t) { (void)t; uv_fs_t *r = malloc(sizeof *r); uv_fs_open(loop, r, path, UV_FS_O_RDONLY, 0, open_cb); }
int main(int argc, char **argv) {
  path = argc > 1 ? argv[1] : "/var/lib/metad/state.json";
  loop = uv_default_loop(); uv_timer_t t; uv_timer_init(loop, &t);
  uv_timer_start(&t, tick, 0, 150);
  return uv_run(loop, UV_RUN_DEFAULT);
}
