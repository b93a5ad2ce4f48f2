/* execinput: a metrics agent's "exec" input written for this case (Telegraf's inputs.exec,
 * collectd's exec plugin in miniature). Every interval it runs each configured command with
 * popen(3), reads one metric line and parses it. When the line does not parse (the command
 * printed a header first) it logs a warning and moves on - without pclose(3): the read end of
 * the pipe stays open and the child is never reaped. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void logline(const char *level, const char *msg, const char *cmd) {
    char ts[32];
    time_t t = time(NULL);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    printf("%s %s! [inputs.exec] %s: %s\n", ts, level, msg, cmd);
    fflush(stdout);
}

static void gather(const char *cmd) {
    FILE *p = popen(cmd, "r");
    if (!p) { logline("E", "popen failed", cmd); return; }
    char line[256];
    double v;
    if (!fgets(line, sizeof line, p) || sscanf(line, "queue_depth %lf", &v) != 1) {
        logline("W", "cannot parse output of", cmd);
        return; /* BUG: no pclose(p) */
    }
    pclose(p);
}

int main(int argc, char **argv) {
    for (;;) {
        for (int i = 1; i < argc; i++) gather(argv[i]);
        usleep(100000);
    }
}
