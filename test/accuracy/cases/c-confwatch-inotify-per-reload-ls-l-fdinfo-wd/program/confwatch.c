/* confwatch: on each reload makes a new inotify instance for the config dir and never closes the old one. */
#include <stdio.h>
#include <sys/inotify.h>
#include <unistd.h>
int main(void) {
  for (int reload = 0;; reload++) {
    int fd = inotify_init1(IN_NONBLOCK);
    if (fd < 0) { perror("inotify_init1"); sleep(1); continue; }
    inotify_add_watch(fd, "/tmp/r227/c7/conf.d", IN_MODIFY | IN_CREATE | IN_DELETE);
    usleep(50000);
  }
}
