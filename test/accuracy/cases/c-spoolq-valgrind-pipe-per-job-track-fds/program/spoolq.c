/* spoolq: hands each job to a worker over a pipe; never closes either end. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static int hand_off(int job) {
  int p[2];
  if (pipe(p) < 0) { perror("pipe"); return -1; }
  char buf[32];
  int n = snprintf(buf, sizeof buf, "job %d\n", job);
  if (write(p[1], buf, (size_t)n) < 0) return -1;
  return 0; /* bug: p[0] and p[1] stay open */
}
int main(void) {
  for (int j = 0; j < 30; j++) hand_off(j);
  printf("spoolq: 30 jobs handed off\n");
  return 0;
}
