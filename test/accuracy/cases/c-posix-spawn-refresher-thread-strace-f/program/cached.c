/* cached: a refresher thread re-reads state.db every 10 ms with open() (no O_CLOEXEC) and holds
 * it ~40 ms; the main thread posix_spawn()s a helper ("sleep 2") every 200 ms. Each helper
 * started while the refresher had the file open keeps a copy of it across execve. */
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
static void *refresher(void *a) {
  (void)a;
  for (;;) {
    int fd = open("/var/tmp/acc180/cached/state.db", O_RDONLY);
    if (fd >= 0) { char b[256]; read(fd, b, sizeof b); usleep(40000); close(fd); }
    usleep(10000);
  }
  return NULL;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, refresher, NULL);
  for (int n = 0; n < 3000; n++) {
    pid_t p;
    char *argv[] = {"sleep", "2", NULL};
    posix_spawn(&p, "/bin/sleep", NULL, NULL, argv, environ);
    usleep(200000);
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
  }
  return 0;
}
