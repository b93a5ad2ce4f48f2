/* thumbd (healthy): four worker threads each open an image, read it, and close it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
static void *worker(void *a) {
  (void)a;
  pthread_setname_np(pthread_self(), "thumb-worker");
  char b[256];
  for (;;) {
    int fd = open("/usr/share/common-licenses/GPL-3", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) { (void)read(fd, b, sizeof b); close(fd); }
    int out = open("/tmp/r257/w6/thumb.tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out >= 0) { (void)write(out, b, 16); close(out); }
    usleep(120000);
  }
  return 0;
}
int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, worker, 0);
  pthread_join(t[0], 0);
  return 0;
}
