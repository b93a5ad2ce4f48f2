/* relay: a three-thread C relay written for this case.
 *
 * publisher thread: every 20 ms connects a unix stream socket to the local broker
 *   (/tmp/accn/c-relay/broker.sock), sends one message and reads the broker's ACK. The broker
 *   then closes its end. The publisher never closes its own (the bug): every message leaves one
 *   unix socket whose peer is gone, until socket() fails with EMFILE; each failure is logged.
 * heartbeat thread: logs a heartbeat line every 500 ms.
 * main thread: waits.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static FILE *logf;
static pthread_mutex_t logmu = PTHREAD_MUTEX_INITIALIZER;

static void logmsg(const char *level, const char *fmt, const char *a, unsigned n)
{
    char ts[32];
    time_t t = time(NULL);
    strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", localtime(&t));
    pthread_mutex_lock(&logmu);
    fprintf(logf, "%s %s ", ts, level);
    fprintf(logf, fmt, n, a);
    fputc('\n', logf);
    fflush(logf);
    pthread_mutex_unlock(&logmu);
}

static void msleep(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static void *publisher(void *arg)
{
    (void)arg;
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strcpy(sa.sun_path, "/tmp/accn/c-relay/broker.sock");
    for (unsigned n = 1;; n++) {
        char msg[64], ack[16];
        int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (s < 0) {
            logmsg("ERROR", "publish %u: socket: %s", strerror(errno), n);
        } else if (connect(s, (struct sockaddr *)&sa, sizeof sa) < 0) {
            logmsg("ERROR", "publish %u: connect: %s", strerror(errno), n);
            close(s);
        } else {
            int len = snprintf(msg, sizeof msg, "event %u\n", n);
            write(s, msg, len);
            read(s, ack, sizeof ack);
            /* BUG: close(s) missing */
        }
        msleep(20);
    }
    return NULL;
}

static void *heartbeat(void *arg)
{
    (void)arg;
    for (unsigned n = 1;; n++) {
        logmsg("INFO", "heartbeat %u%s", "", n);
        msleep(500);
    }
    return NULL;
}

int main(void)
{
    pthread_t p, h;
    logf = fopen("/tmp/accn/c-relay/relay.log", "ae");
    pthread_create(&h, NULL, heartbeat, NULL);
    pthread_create(&p, NULL, publisher, NULL);
    pthread_join(p, NULL);
    return 0;
}
