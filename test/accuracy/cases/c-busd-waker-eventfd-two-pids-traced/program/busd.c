/* busd: the "waker" thread makes an eventfd per subscriber and never closes it; the "router"
   threads open and close a route table. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>
static void *waker(void *a) {
  (void)a;
  pthread_setname_np(pthread_self(), "waker");
  for (;;) {
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); /* never closed */
    (void)fd;
    usleep(100000);
  }
  return 0;
}
static void *router(void *a) {
  (void)a;
  pthread_setname_np(pthread_self(), "router");
  char b[64];
  for (;;) {
    int fd = open("/etc/hosts", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) { (void)read(fd, b, sizeof b); close(fd); }
    usleep(150000);
  }
  return 0;
}
int main(void) {
  pthread_t t[3];
  pthread_create(&t[0], 0, router, 0);
  pthread_create(&t[1], 0, router, 0);
  pthread_create(&t[2], 0, waker, 0);
  pthread_join(t[0], 0);
  return 0;
}
