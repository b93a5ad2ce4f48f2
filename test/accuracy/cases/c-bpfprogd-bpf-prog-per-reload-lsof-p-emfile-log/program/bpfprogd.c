// bpfprogd: a packet-filter agent that loads its socket filter again on every rule reload and
// keeps the old program's fd: one anon_inode:bpf-prog per reload.
#include <linux/bpf.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <stdint.h>
static int load(void) {
  struct bpf_insn insns[] = {
    { .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
    { .code = BPF_JMP | BPF_EXIT },
  };
  union bpf_attr a; memset(&a, 0, sizeof a);
  a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
  a.insns = (uint64_t)(uintptr_t)insns; a.insn_cnt = 2;
  a.license = (uint64_t)(uintptr_t)"GPL";
  strncpy(a.prog_name, "pf_rules", sizeof a.prog_name - 1);
  return syscall(__NR_bpf, BPF_PROG_LOAD, &a, sizeof a);
}
int main(int c, char **v) {
  FILE *logf = fopen(c > 1 ? v[1] : "bpfprogd.log", "a");
  for (long n = 1;; n++) {
    int fd = load();
    if (fd < 0) fprintf(logf, "bpfprogd: reload %ld: BPF_PROG_LOAD: %s\n", n, strerror(errno));
    else fprintf(logf, "bpfprogd: reload %ld: rules loaded (prog fd %d)\n", n, fd);
    fflush(logf);
    usleep(fd < 0 ? 1000000 : 40000);
  }
}
