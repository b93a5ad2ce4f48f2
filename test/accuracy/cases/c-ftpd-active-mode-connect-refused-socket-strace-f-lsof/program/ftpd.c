/* A toy FTP server written for this case: a thread per control connection. For RETR in active
 * mode it opens a data socket and connects to the address PORT gave. Bug: when that connect fails
 * it logs the 425 reply and returns without close(), so the socket stays open, in no connection. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static FILE *logf;
static pthread_mutex_t logmu = PTHREAD_MUTEX_INITIALIZER;

static void logmsg(const char *fmt, const char *a, const char *b) {
    char ts[32], line[512];
    time_t t = time(NULL);
    strftime(ts, sizeof ts, "%b %d %H:%M:%S", localtime(&t));
    snprintf(line, sizeof line, fmt, a, b);
    pthread_mutex_lock(&logmu);
    fprintf(logf, "%s ftp1 ftpd[%d]: %s\n", ts, (int)getpid(), line);
    fflush(logf);
    pthread_mutex_unlock(&logmu);
}

static int open_data(struct sockaddr_in *to) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return -1;
    if (connect(s, (struct sockaddr *)to, sizeof *to) < 0)
        return -1;             /* BUG: s is never closed */
    return s;
}

static void *session(void *arg) {
    int c = (int)(long)arg;
    FILE *in = fdopen(c, "r+");
    char line[256], peer[64] = "127.0.0.1";
    struct sockaddr_in data = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.1", &data.sin_addr);
    fputs("220 toy ftpd ready\r\n", in); fflush(in);
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "PORT ", 5) == 0) {
            int p = atoi(line + 5);
            data.sin_port = htons((unsigned short)p);
            fputs("200 PORT ok\r\n", in);
        } else if (strncmp(line, "RETR ", 5) == 0) {
            int d = open_data(&data);
            if (d < 0) {
                logmsg("425 Can't open data connection to %s: %s", peer, strerror(errno));
                fputs("425 Can't open data connection\r\n", in);
            } else {
                fputs("150 ok\r\n226 done\r\n", in);
                close(d);
            }
        } else if (strncmp(line, "QUIT", 4) == 0) {
            fputs("221 bye\r\n", in); fflush(in);
            break;
        } else {
            fputs("200 ok\r\n", in);
        }
        fflush(in);
    }
    fclose(in);
    return NULL;
}

int main(int argc, char **argv) {
    logf = fopen(argv[2], "a");
    int srv = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1]))};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    bind(srv, (struct sockaddr *)&a, sizeof a);
    listen(srv, 16);
    logmsg("listening on 127.0.0.1:%s%s", argv[1], "");
    for (;;) {
        int c = accept(srv, NULL, NULL);
        if (c < 0) { logmsg("accept failed: %s%s", strerror(errno), ""); sleep(1); continue; }
        pthread_t t;
        pthread_create(&t, NULL, session, (void *)(long)c);
        pthread_detach(t);
    }
}
