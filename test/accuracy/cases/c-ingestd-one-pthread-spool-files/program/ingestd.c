/* ingestd: three threads; "ingest" opens a spool segment per batch and never closes it,
   the two "indexer" threads open and close /etc/hostname. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *ingest(void *a) {
  (void)a;
  pthread_setname_np(pthread_self(), "ingest");
  char p[128];
  for (int i = 0;; i++) {
    snprintf(p, sizeof p, "/tmp/r257/c1/spool/seg-%05d.dat", i);
    int fd = open(p, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) (void)write(fd, "x\n", 2); /* never closed */
    usleep(100000);
  }
  return 0;
}
static void *indexer(void *a) {
  (void)a;
  pthread_setname_np(pthread_self(), "indexer");
  char b[64];
  for (;;) {
    int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) { (void)read(fd, b, sizeof b); close(fd); }
    usleep(150000);
  }
  return 0;
}
int main(void) {
  pthread_t t[3];
  pthread_create(&t[0], 0, indexer, 0);
  pthread_create(&t[1], 0, ingest, 0);
  pthread_create(&t[2], 0, indexer, 0);
  pthread_join(t[0], 0);
  return 0;
}
