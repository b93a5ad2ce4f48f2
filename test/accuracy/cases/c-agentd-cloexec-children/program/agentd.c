/* agentd: a two-thread C daemon written for this case.
 *
 * reporter thread: every 500 ms opens its log file and a TCP connection to the metrics
 *   collector, writes a report line to both, and closes the pair it opened the round before.
 *   Neither is opened with O_CLOEXEC / SOCK_CLOEXEC (the bug). The daemon itself therefore
 *   always holds just one log fd and one socket: its own fd count is flat.
 * runner thread: every 200 ms fork()s and execs a helper (/bin/sleep 30 stands in for a
 *   long-running check), reaping finished ones with waitpid(WNOHANG).
 * Each helper starts while the reporter holds a log fd and a socket; without close-on-exec
 * both survive execve, so ~150 live helpers each hold the pair, keep the log file open and
 * keep the TCP connections established after the daemon has closed them.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *LOG = "/tmp/accn/c-agentd/agentd.log";

static void msleep(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static void *reporter(void *arg)
{
    (void)arg;
    int oldlog = -1, oldsock = -1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(47103)};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    for (unsigned n = 1;; n++) {
        int lfd = open(LOG, O_WRONLY | O_APPEND | O_CREAT, 0644);      /* no O_CLOEXEC */
        int s = socket(AF_INET, SOCK_STREAM, 0);                       /* no SOCK_CLOEXEC */
        char line[128];
        int len = snprintf(line, sizeof line, "report %u: helpers ok\n", n);
        if (s >= 0 && connect(s, (struct sockaddr *)&sa, sizeof sa) == 0)
            send(s, line, len, MSG_NOSIGNAL);
        if (lfd >= 0)
            write(lfd, line, len);
        if (oldlog >= 0) close(oldlog);
        if (oldsock >= 0) close(oldsock);
        oldlog = lfd;
        oldsock = s;
        msleep(500);
    }
    return NULL;
}

static void *runner(void *arg)
{
    (void)arg;
    for (;;) {
        pid_t p = fork();
        if (p == 0) {
            char *argv[] = {"sleep", "30", NULL};
            execv("/bin/sleep", argv);
            _exit(127);
        }
        while (waitpid(-1, NULL, WNOHANG) > 0)
            ;
        msleep(200);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, reporter, NULL);
    msleep(50);
    pthread_create(&b, NULL, runner, NULL);
    pthread_join(a, NULL);
    return 0;
}
