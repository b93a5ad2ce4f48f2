/* hookd: listens for jobs, appends to its journal, and runs a hook script per job with
 * fork+execv. Neither the listener nor the journal is opened close-on-exec, and each job's
 * spool file is still open when the hook starts: every hook holds them all after execve. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static FILE *journal;

static void say(const char *fmt, int a, int b) {
    time_t t = time(NULL);
    char ts[32];
    strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", localtime(&t));
    fprintf(journal, "%s hookd[%d]: ", ts, (int)getpid());
    fprintf(journal, fmt, a, b);
    fputc('\n', journal);
    fflush(journal);
}

int main(int argc, char **argv) {
    const char *hook = argc > 1 ? argv[1] : "./hook.sh";
    int port = argc > 2 ? atoi(argv[2]) : 19246;
    journal = fopen("hookd.journal", "a"); /* no "e": not close-on-exec */
    int ls = socket(AF_INET, SOCK_STREAM, 0); /* no SOCK_CLOEXEC */
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 16)) { perror("bind"); return 1; }
    say("listening on 127.0.0.1:%d (fd %d)", port, ls);
    for (int job = 1; job <= 40; job++) {
        char name[64];
        snprintf(name, sizeof name, "spool/job-%04d.dat", job);
        int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0644); /* no O_CLOEXEC */
        dprintf(fd, "job %d\n", job);
        pid_t pid = fork();
        if (pid == 0) {
            char arg[16];
            snprintf(arg, sizeof arg, "%d", job);
            execl(hook, hook, arg, (char *)NULL);
            _exit(127);
        }
        say("job %d: hook started as pid %d", job, (int)pid);
        sleep(1);
        close(fd); /* closed here, but the hook already has its copy */
        while (waitpid(-1, NULL, WNOHANG) > 0) {}
    }
    pause();
    return 0;
}
