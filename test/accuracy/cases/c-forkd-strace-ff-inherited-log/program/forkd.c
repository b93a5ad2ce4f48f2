/* forkd: a forking job server. It keeps its log open (no O_CLOEXEC) and, every 300 ms, forks
 * a child that execs `sleep 4` as the "job". The children inherit the log fd across execve. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *logpath = argc > 1 ? argv[1] : "forkd.log";
  int log = open(logpath, O_WRONLY | O_CREAT | O_APPEND, 0644); /* BUG: no O_CLOEXEC */
  signal(SIGCHLD, SIG_IGN);
  for (int job = 1;; job++) {
    dprintf(log, "forkd[%d]: job %d starting\n", getpid(), job);
    pid_t c = fork();
    if (c == 0) {
      execl("/bin/sleep", "sleep", "4", (char *)NULL);
      _exit(127);
    }
    usleep(300000);
  }
}
