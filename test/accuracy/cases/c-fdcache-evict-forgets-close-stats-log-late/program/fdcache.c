/* fdcache: serves reads of data/fNNN.dat through a 64-slot cache of open fds.
 * Bug: when the cache is full, the evicted slot is reused without close(fd), so the
 * leak starts only once the working set outgrows the cache (here after ~8 s, when the
 * request mix widens from 40 files to 400). Logs a stats line every 2 s. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#define SLOTS 64
struct slot { int id; int fd; long used; };
static struct slot cache[SLOTS];
static long tick, hits, misses, evictions;
static int count_fds(void) {
  DIR *d = opendir("/proc/self/fd"); int n = 0; struct dirent *e;
  if (!d) return -1;
  while ((e = readdir(d))) if (e->d_name[0] != '.') n++;
  closedir(d); return n - 1; /* not the DIR's own fd */
}
static int get(int id) {
  int i, lru = 0;
  for (i = 0; i < SLOTS; i++) if (cache[i].fd > 0 && cache[i].id == id) { cache[i].used = ++tick; hits++; return cache[i].fd; }
  misses++;
  for (i = 0; i < SLOTS; i++) { if (cache[i].fd <= 0) { lru = i; break; } if (cache[i].used < cache[lru].used) lru = i; }
  if (cache[lru].fd > 0) evictions++;           /* BUG: no close(cache[lru].fd) */
  char path[64]; snprintf(path, sizeof path, "data/f%03d.dat", id);
  int fd = open(path, O_RDONLY);
  if (fd < 0) { perror(path); return -1; }
  cache[lru].id = id; cache[lru].fd = fd; cache[lru].used = ++tick;
  return fd;
}
int main(void) {
  FILE *log = fopen("fdcache.log", "a"); setvbuf(log, NULL, _IOLBF, 0);
  time_t start = time(NULL), last = 0; char buf[128];
  srand(7);
  for (;;) {
    time_t now = time(NULL);
    int span = now - start < 8 ? 40 : 400;
    int fd = get(rand() % span);
    if (fd > 0) pread(fd, buf, sizeof buf, 0);
    if (now - last >= 2) {
      char ts[32]; strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", localtime(&now));
      fprintf(log, "%s fdcache[%d]: stats hits=%ld misses=%ld evictions=%ld cached=%d open_fds=%d\n",
              ts, getpid(), hits, misses, evictions, SLOTS, count_fds());
      last = now;
    }
    usleep(40000);
  }
}
