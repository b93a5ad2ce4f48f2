/* bpfcache: creates a BPF array map per request as a scratch table and never closes it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/bpf.h>
int main(void) {
  for (;;) {
    union bpf_attr a; memset(&a, 0, sizeof a);
    a.map_type = BPF_MAP_TYPE_ARRAY; a.key_size = 4; a.value_size = 8; a.max_entries = 64;
    strncpy(a.map_name, "req_scratch", sizeof a.map_name - 1);
    long fd = syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof a);
    if (fd < 0) fprintf(stderr, "bpfcache: map create: %s\n", strerror(errno));
    usleep(40000);
  }
}
